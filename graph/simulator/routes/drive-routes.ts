import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseBody, type SimContext } from '../sim-context.js';
import { badRequest, type SimRequest, type SimRoute, SimGraphError } from '../sim-route.js';
import type { SimDriveItem, SimPermission } from '../tenant-state.js';

/**
 * A SharePoint document library (PLATFORM.md §7): simple upload (up to 250 MB in Graph; the
 * simulator takes 20 MB), sharing links with `createLink`, revoking a permission, deleting an
 * item. Links for `scope: users` must name recipients; `blocksDownload` is not available to
 * anonymous links; an expiry in the past is refused.
 */
const PERMISSIONS = ['Sites.Selected', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'];
const createLink = z.object({
  type: z.enum([
    'view',
    'edit',
    'embed',
    'review',
    'blocksDownload',
    'createOnly',
    'addressBar',
    'submitOnly',
  ]),
  scope: z.enum(['anonymous', 'organization', 'users']).optional(),
  expirationDateTime: z.iso.datetime({ offset: true }).optional(),
  password: z.string().optional(),
  recipients: z.array(z.object({ email: z.email() })).optional(),
  retainInheritedPermissions: z.boolean().optional(),
  sendNotification: z.boolean().optional(),
  message: z.string().optional(),
});

type SiteRole = 'read' | 'write' | 'owner' | 'fullcontrol';
const RANK: Record<SiteRole, number> = { read: 1, write: 2, owner: 3, fullcontrol: 4 };

export function driveRoutes(
  ctx: SimContext,
  drives: string[],
  siteRoleOf: (appId: string) => SiteRole | undefined = () => 'write',
): SimRoute[] {
  /**
   * With Sites.Selected alone the app can do what its role on the site allows: files need
   * `write`, managing their permissions (sharing) `owner` or `fullcontrol`. The tenant-wide
   * Files.ReadWrite.All / Sites.ReadWrite.All allow both.
   */
  const requireRole = (req: SimRequest, needed: SiteRole) => {
    const roles = (req.token.roles as string[] | undefined) ?? [];
    if (roles.includes('Files.ReadWrite.All') || roles.includes('Sites.ReadWrite.All')) return;
    const granted = siteRoleOf(String(req.token.appid ?? req.token.azp ?? ''));
    if (!granted || RANK[granted] < RANK[needed])
      throw new SimGraphError(
        403,
        'accessDenied',
        'Access denied. You do not have permission to perform this action or access this resource.',
      );
  };
  const item = (req: SimRequest): SimDriveItem => {
    drive(req);
    const found = ctx.store.state.driveItems[req.params.itemId as string];
    if (!found || found.driveId !== req.params.driveId)
      throw new SimGraphError(404, 'itemNotFound', 'The resource could not be found.');
    return found;
  };
  const drive = (req: SimRequest) => {
    if (!drives.includes(req.params.driveId as string))
      throw new SimGraphError(404, 'itemNotFound', `Drive '${req.params.driveId}' was not found.`);
  };
  return [
    {
      call: 'PUT /drives/{driveId}/items/{parentId}:/{fileName}:/content',
      permissions: PERMISSIONS,
      rawBody: true,
      handle: (req) => {
        drive(req);
        requireRole(req, 'write');
        const content = req.body as Buffer;
        const name = req.params.fileName as string;
        if (!name.trim() || /["*:<>?/\\|]/.test(name))
          throw badRequest(`The file name '${name}' is not valid.`, 'invalidRequest');
        const existing = Object.values(ctx.store.state.driveItems).find(
          (i) =>
            i.driveId === req.params.driveId &&
            i.parentId === req.params.parentId &&
            i.name === name,
        );
        const stored: SimDriveItem = {
          id: existing?.id ?? `01${randomBytes(16).toString('hex').toUpperCase()}`,
          driveId: req.params.driveId as string,
          parentId: req.params.parentId as string,
          name,
          size: content.length,
          contentType: String(req.headers['content-type'] ?? 'application/octet-stream'),
          contentBase64: content.toString('base64'),
          createdDateTime: existing?.createdDateTime ?? req.now.toISOString(),
          permissions: existing?.permissions ?? [],
        };
        ctx.store.state.driveItems[stored.id] = stored;
        ctx.store.changed();
        return { status: existing ? 200 : 201, body: toDriveItem(stored) };
      },
    },
    {
      call: 'POST /drives/{driveId}/items/{itemId}/createLink',
      permissions: PERMISSIONS,
      handle: (req) => {
        const target = item(req);
        requireRole(req, 'owner');
        const input = parseBody(createLink, req.body, 'invalidRequest');
        const scope = input.scope ?? 'organization';
        if (scope === 'users' && !input.recipients?.length)
          throw badRequest('Links with scope "users" need recipients.', 'invalidRequest');
        if (scope === 'anonymous' && input.type === 'blocksDownload')
          throw badRequest('blocksDownload links cannot be anonymous.', 'invalidRequest');
        if (input.expirationDateTime && Date.parse(input.expirationDateTime) <= req.now.getTime())
          throw badRequest('The expiration date must be in the future.', 'invalidRequest');
        const permission: SimPermission = {
          id: randomUUID(),
          roles: [input.type === 'edit' ? 'write' : 'read'],
          link: {
            type: input.type,
            scope,
            webUrl: `https://northfield.sharepoint.example/:w:/s/marac/${randomBytes(12).toString('base64url')}`,
            preventsDownload: input.type === 'blocksDownload',
          },
          grantedTo: (input.recipients ?? []).map((r) => r.email.toLowerCase()),
          expirationDateTime: input.expirationDateTime ?? null,
          createdDateTime: req.now.toISOString(),
        };
        target.permissions.push(permission);
        ctx.store.changed();
        return { status: 201, body: toPermission(permission) };
      },
    },
    {
      call: 'GET /drives/{driveId}/items/{itemId}/permissions',
      permissions: PERMISSIONS,
      handle: (req) => ({ status: 200, body: { value: item(req).permissions.map(toPermission) } }),
    },
    {
      call: 'DELETE /drives/{driveId}/items/{itemId}/permissions/{permissionId}',
      permissions: PERMISSIONS,
      handle: (req) => {
        const target = item(req);
        requireRole(req, 'owner');
        const before = target.permissions.length;
        target.permissions = target.permissions.filter((p) => p.id !== req.params.permissionId);
        if (target.permissions.length === before)
          throw new SimGraphError(404, 'itemNotFound', 'The permission could not be found.');
        ctx.store.changed();
        return { status: 204 };
      },
    },
    {
      call: 'DELETE /drives/{driveId}/items/{itemId}',
      permissions: PERMISSIONS,
      handle: (req) => {
        requireRole(req, 'write');
        delete ctx.store.state.driveItems[item(req).id];
        ctx.store.changed();
        return { status: 204 };
      },
    },
  ];
}

function toDriveItem(i: SimDriveItem) {
  return {
    id: i.id,
    name: i.name,
    size: i.size,
    createdDateTime: i.createdDateTime,
    webUrl: `https://northfield.sharepoint.example/sites/marac/Shared%20Documents/${encodeURIComponent(i.name)}`,
    file: { mimeType: i.contentType },
    parentReference: { driveId: i.driveId, driveType: 'documentLibrary', id: i.parentId },
  };
}

function toPermission(p: SimPermission) {
  return {
    id: p.id,
    roles: p.roles,
    link: p.link,
    expirationDateTime: p.expirationDateTime,
    hasPassword: false,
    grantedToIdentitiesV2: p.grantedTo.map((email) => ({
      siteUser: { email, loginName: `i:0#.f|membership|${email}` },
    })),
  };
}
