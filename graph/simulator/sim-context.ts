import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SimDirectory, SimUser } from './directory.js';
import type { FaultInjector } from './faults.js';
import { badRequest, SimGraphError } from './sim-route.js';
import type { TenantStore } from './tenant-state.js';

/**
 * The simulated tenant's own idea of the time (the product's Clock has the same shape, so a
 * test passes one FakeClock to both), declared here so the tenant imports nothing of the product.
 */
export interface SimClock {
  now(): Date;
}

/** What every simulated endpoint can reach. */
export interface SimContext {
  store: TenantStore;
  directory: SimDirectory;
  faults: FaultInjector;
  clock: SimClock;
  tenantId: string;
  /** Page size of collections (Graph's differ per API; small values exercise paging). */
  pageSize: number;
}

/** An opaque id in the style of Exchange's (`AAMkAG...`). */
export function exchangeId(): string {
  return `AAMkAG${randomBytes(30).toString('base64url')}`;
}

/** The user a `{id}` segment names (object id or UPN), or Graph's 404 for that API. */
export async function userOr404(
  ctx: SimContext,
  idOrUpn: string,
  style: 'exchange' | 'directory' = 'directory',
): Promise<SimUser> {
  const user = await ctx.directory.find(idOrUpn);
  if (user) return user;
  if (style === 'exchange')
    throw new SimGraphError(404, 'ErrorInvalidUser', `The requested user '${idOrUpn}' is invalid.`);
  throw new SimGraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organiser of `/users/{userId}/onlineMeetings...`: Graph documents `userId` as the object
 * id and answers a user principal name or e-mail address with 404, as it does an unknown user.
 */
export async function organizerOr404(ctx: SimContext, userId: string): Promise<SimUser> {
  const user = OBJECT_ID.test(userId) ? await ctx.directory.byIdOrUpn(userId) : undefined;
  if (user) return user;
  throw new SimGraphError(
    404,
    'NotFound',
    `The user '${userId}' was not found. Online meetings take the organizer's object ID in the path.`,
  );
}

/** Parses a request body with zod; failures become Graph's 400 naming the first bad property. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, code = 'BadRequest'): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  throw badRequest(`Invalid value for '${where}': ${issue?.message ?? 'not valid'}.`, code);
}

export const emailAddress = z.object({
  address: z.email(),
  name: z.string().optional(),
});
export const recipient = z.object({ emailAddress });
