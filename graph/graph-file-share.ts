import type * as Graph from '@microsoft/microsoft-graph-types';
import type { FileShare, SharingLink, StoredFile } from '../core/ports/file-share.js';
import type { GraphClient } from './graph-client.js';
import type { CallsOf, GraphPermissionNeed } from './graph-permission.js';

export const FILES_NEEDS = [
  {
    permission: 'Sites.Selected',
    type: 'Application',
    why: 'Optional case-list exports go to one SharePoint library, shared with named people only (no download, expiring), and are deleted after the meeting.',
    calls: [
      'PUT /drives/{driveId}/items/{parentId}:/{fileName}:/content',
      'POST /drives/{driveId}/items/{itemId}/createLink',
      'DELETE /drives/{driveId}/items/{itemId}/permissions/{permissionId}',
      'DELETE /drives/{driveId}/items/{itemId}',
    ],
    // createLink's own page lists Files.ReadWrite.All; with Sites.Selected what counts is the
    // role granted on the site, and sharing manages permissions, which `write` does not allow
    // (Microsoft's "Overview of Selected permissions": file permissions need Sites.Selected with
    // Owner or FullControl).
    alsoRequires:
      'Grant the app the owner role on the MARAC site only (POST /sites/{site-id}/permissions with roles ["owner"]): the write role uploads and deletes files but cannot share them, so every sharing link would be refused.',
    optionalFeature: 'case-list exports to SharePoint (area policy)',
  },
] as const satisfies readonly GraphPermissionNeed[];
type FilesCall = CallsOf<typeof FILES_NEEDS>;

export interface GraphFileShareDeps {
  graph: GraphClient;
  /** config.sharePointDriveId */
  driveId: string;
  /** Folder item id under the library; `root` by default. */
  parentId?: string;
}

/**
 * FileShare over a SharePoint document library (PLATFORM.md §7). Links are always
 * `scope: users` with explicit recipients and an expiry, never anonymous, and do not keep
 * inherited permissions, so only the named people can open the file.
 */
export class GraphFileShare implements FileShare {
  constructor(private readonly deps: GraphFileShareDeps) {}

  async upload(fileName: string, content: Uint8Array, contentType: string): Promise<StoredFile> {
    const { body } = await this.deps.graph.send<Graph.DriveItem>({
      call: 'PUT /drives/{driveId}/items/{parentId}:/{fileName}:/content' satisfies FilesCall,
      params: { driveId: this.deps.driveId, parentId: this.deps.parentId ?? 'root', fileName },
      // A Buffer with its real content type: the retry handler can resend it (it never resends
      // application/octet-stream bodies, which it treats as streams).
      body: Buffer.from(content),
      headers: { 'Content-Type': contentType },
    });
    return { driveId: this.deps.driveId, itemId: body.id as string };
  }

  async shareWithPeople(
    file: StoredFile,
    recipients: string[],
    options: { type: 'blocksDownload' | 'view'; expiresAt: Date },
  ): Promise<SharingLink> {
    if (recipients.length === 0) throw new Error('A people-only link needs at least one recipient');
    const { body } = await this.deps.graph.send<Graph.Permission>({
      call: 'POST /drives/{driveId}/items/{itemId}/createLink' satisfies FilesCall,
      params: { driveId: file.driveId, itemId: file.itemId },
      body: {
        type: options.type,
        scope: 'users',
        recipients: recipients.map((email) => ({ email })),
        expirationDateTime: options.expiresAt.toISOString(),
        retainInheritedPermissions: false,
        sendNotification: false,
      },
    });
    return {
      permissionId: body.id as string,
      webUrl: body.link?.webUrl as string,
      expiresAt: new Date(body.expirationDateTime ?? options.expiresAt),
    };
  }

  async revoke(file: StoredFile, permissionId: string): Promise<void> {
    await this.deps.graph.send({
      call: 'DELETE /drives/{driveId}/items/{itemId}/permissions/{permissionId}' satisfies FilesCall,
      params: { driveId: file.driveId, itemId: file.itemId, permissionId },
    });
  }

  async delete(file: StoredFile): Promise<void> {
    await this.deps.graph.send({
      call: 'DELETE /drives/{driveId}/items/{itemId}' satisfies FilesCall,
      params: { driveId: file.driveId, itemId: file.itemId },
    });
  }
}
