import type { ActivityHandler } from 'botbuilder';
import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { BotAuthenticationError, type BotHttpAdapter } from './adapter.js';
import { UntrustedServiceUrlError } from './trusted-service-urls.js';

/**
 * The minimal shape of a Bot Framework activity, checked before botbuilder sees the body, so a
 * malformed one is refused with a 400 that names the field rather than failing inside a turn.
 * Teams sends null for members it has no value for (`"source": null`, `"JoinUrl": null`), so
 * every optional member accepts null as well as absent.
 */
const account = z.object({ id: z.string() }).loose();
const activity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().nullish(),
    name: z.string().nullish(),
    channelId: z.string().nullish(),
    serviceUrl: z.url().nullish(),
    timestamp: z.string().nullish(),
    text: z.string().nullish(),
    from: account.nullish(),
    recipient: account.nullish(),
    conversation: account.nullish(),
    channelData: z.record(z.string(), z.unknown()).nullish(),
    attachments: z.array(z.object({ contentType: z.string() }).loose()).nullish(),
  })
  .loose();

/**
 * `POST /api/messages`: the Bot Connector's endpoint. Mounted before the tab API, because it
 * authenticates with channel tokens (CloudAdapter), not user tokens. JSON parse errors and
 * oversized bodies are answered by the app's JSON parser (400, 413), a bad activity here (400),
 * a refused token here too (401, botbuilder's reason logged, not returned), and an untrusted
 * serviceUrl (403: no turn runs, so no reply goes there).
 */
export function botMessagesRoute(deps: {
  adapter: BotHttpAdapter;
  bot: ActivityHandler;
  log: { warn(details: object, message: string): void };
  /**
   * Entra tenants whose Teams may talk to the bot (the app's own, or MARAC_ALLOWED_TENANTS).
   * People are known by object id, which is unique only within a tenant, so an activity from
   * any other tenant is refused before it reaches a handler.
   */
  allowedTenants: readonly string[];
  /** Demo mode lets tools without a tenant (the Agents Playground) through; Teams always sends one. */
  tenantOptional?: boolean;
}): Router {
  const router = Router();
  router.post('/', async (req, res, next) => {
    const parsed = activity.safeParse(req.body);
    if (!parsed.success)
      return next(
        new DomainError(
          'VALIDATION_FAILED',
          'The body is not a Bot Framework activity.',
          parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      );
    // Every tenant id the activity names must be allowed (they must not disagree either).
    const tenantIds = tenantsOf(parsed.data);
    const allowed = new Set(deps.allowedTenants.map((t) => t.toLowerCase()));
    if (
      tenantIds.length === 0
        ? !deps.tenantOptional
        : !tenantIds.every((id) => allowed.has(id.toLowerCase()))
    ) {
      deps.log.warn(
        { tenantIds, activityType: parsed.data.type },
        'bot request from a tenant that is not allowed',
      );
      return next(
        new DomainError(
          'FORBIDDEN',
          'This bot serves only its own organisation’s Microsoft 365 tenant.',
        ),
      );
    }
    try {
      const result = await deps.adapter.handle(
        req.get('authorization') ?? '',
        parsed.data,
        (context) => deps.bot.run(context),
      );
      if (result.body === undefined) res.status(result.status).end();
      else res.status(result.status).json(result.body);
    } catch (error) {
      // Refused before the turn ran, so nothing was sent there (the adapter logged the host).
      if (error instanceof UntrustedServiceUrlError)
        return next(
          new DomainError(
            'FORBIDDEN',
            'The activity’s service URL is not a Microsoft Bot Connector address this bot trusts.',
          ),
        );
      if (!(error instanceof BotAuthenticationError)) return next(error);
      deps.log.warn(
        { reason: error.reason, activityType: parsed.data.type },
        'bot request refused',
      );
      next(new DomainError('UNAUTHENTICATED', error.message));
    }
  });
  router.all('/', (_req, res) => {
    res
      .status(405)
      .set('Allow', 'POST')
      .json({ error: { code: 'METHOD_NOT_ALLOWED', message: 'Use POST.' } });
  });
  return router;
}

/** The activity's Entra tenant ids: Teams sends channelData.tenant.id and conversation.tenantId. */
function tenantsOf(activity: {
  channelData?: Record<string, unknown> | null;
  conversation?: Record<string, unknown> | null;
}): string[] {
  const fromChannel = (activity.channelData?.tenant as { id?: unknown } | undefined)?.id;
  return [fromChannel, activity.conversation?.tenantId].filter(
    (id): id is string => typeof id === 'string' && id.length > 0,
  );
}
