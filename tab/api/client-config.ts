import { Router } from 'express';

/**
 * GET /api/client-config (no sign-in): what the tab client needs to sign people in. In a plain
 * browser in production it signs in with @azure/msal-browser (redirect) against this client id,
 * authority and scope; in demo mode it uses the demo sign-in page. Carries no secret.
 */
export function clientConfigRoutes(config: {
  mode: 'demo' | 'production';
  appId: string | null;
  tenantId: string | null;
  authorityHost: string;
  tabAudiences: string[];
}): Router {
  const router = Router();
  const resource = config.tabAudiences.find((a) => a.startsWith('api://')) ?? config.appId;
  router.get('/', (_req, res) => {
    res.set('cache-control', 'no-cache');
    res.json({
      mode: config.mode,
      clientId: config.appId,
      authority: `${config.authorityHost}/${config.tenantId ?? 'organizations'}`,
      scopes: resource ? [`${resource}/access_as_user`] : [],
    });
  });
  return router;
}
