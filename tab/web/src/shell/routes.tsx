/**
 * The surfaces by route. Each is its own lazily loaded chunk (React.lazy), so the personal tab
 * loads only what it shows. To add a surface: one line here (and its folder under surfaces/).
 */
import { lazy, Suspense } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { PageLayout, Progress } from './components.js';
import { matchPath, RouteLink, useLocation } from './router.js';
import { Session } from './session.js';

export interface RouteDef {
  /** Path pattern: segments, `:param`, trailing `*`. */
  path: string;
  component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
  /** Public routes render without sign-in (landing, demo sign-in). Everything else waits for /api/me. */
  public?: boolean;
}

export const ROUTES: RouteDef[] = [
  { path: '/', component: lazy(() => import('../surfaces/landing/landing.js')), public: true },
  {
    path: '/sign-in',
    component: lazy(() => import('../surfaces/demo/sign-in/sign-in.js')),
    public: true,
  },
  // The personal app tabs (manifest staticTabs): each opens on what needs doing now.
  { path: '/tab/my-marac', component: lazy(() => import('../surfaces/my-marac/my-marac.js')) },
  {
    path: '/tab/coordinator',
    component: lazy(() => import('../surfaces/home/coordinator-home.js')),
  },
  { path: '/tab/reports', component: lazy(() => import('../surfaces/home/reports-home.js')) },
  {
    path: '/tab/meeting/chair',
    component: lazy(() => import('../surfaces/chair-console/chair-console.js')),
  },
  { path: '/tab/minutes', component: lazy(() => import('../surfaces/minutes/minutes-page.js')) },
  { path: '/tab/meeting', component: lazy(() => import('../surfaces/meeting/meeting-details.js')) },
  { path: '/tab/config', component: lazy(() => import('../surfaces/config/tab-config.js')) },
  {
    path: '/reports/attendance',
    component: lazy(() => import('../surfaces/reports/attendance-report.js')),
  },
  {
    path: '/reports/governance',
    component: lazy(() => import('../surfaces/governance/governance-report.js')),
  },
  {
    path: '/reports/steering-pack',
    component: lazy(() => import('../surfaces/governance/steering-pack.js')),
  },
  {
    path: '/reports/population',
    component: lazy(() => import('../surfaces/governance/population-figures.js')),
  },
  // Demo mode only: plays the Teams meeting client (no sign-in: it acts as the simulated people).
  {
    path: '/demo/meeting-room',
    component: lazy(() => import('../surfaces/demo/meeting-room/meeting-room.js')),
    public: true,
  },
  {
    path: '/demo/meeting-room/:meetingId',
    component: lazy(() => import('../surfaces/demo/meeting-room/meeting-room.js')),
    public: true,
  },
  { path: '/coordinator/*', component: lazy(() => import('../surfaces/coordinator/workspace.js')) },
];

export function Routes() {
  const { path } = useLocation();
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    const Surface = route.component;
    const page = (
      <Suspense fallback={<Progress label="Loading…" />}>
        <Surface params={params} />
      </Suspense>
    );
    return route.public ? page : <Session>{page}</Session>;
  }
  return (
    <PageLayout title="Page not found">
      <p>
        There is nothing at this address. <RouteLink to="/">Go to the start page</RouteLink>.
      </p>
    </PageLayout>
  );
}
