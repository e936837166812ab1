/**
 * The coordinator workspace: area set-up, schedule, a meeting's agenda, import and
 * circulation, the action tracker and the audit log. Each page is a lazy chunk of its own; to
 * add one, add a line to PAGES (and to NAV in coordinator-page.tsx if it has a top-level entry).
 */
import { lazy, Suspense } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { Progress } from '../../shell/components.js';
import { matchPath } from '../../shell/router.js';
import { RoleGate } from '../../shell/session.js';
import { CoordinatorPage } from './coordinator-page.js';

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

export const PAGES: { path: string; title: string; page: Page }[] = [
  { path: '/coordinator', title: 'Schedule', page: lazy(() => import('./schedule.js')) },
  { path: '/coordinator/schedule', title: 'Schedule', page: lazy(() => import('./schedule.js')) },
  {
    path: '/coordinator/meetings/:meetingId',
    title: 'Meeting',
    page: lazy(() => import('./meeting-workspace/meeting-workspace.js')),
  },
  { path: '/coordinator/actions', title: 'Actions', page: lazy(() => import('./actions.js')) },
  { path: '/coordinator/area', title: 'Area set-up', page: lazy(() => import('./area/area.js')) },
  { path: '/coordinator/audit', title: 'Audit log', page: lazy(() => import('./audit.js')) },
];

export default function Workspace(props: { params: Record<string, string> }) {
  const path = `/coordinator/${props.params['*'] ?? ''}`.replace(/\/$/, '') || '/coordinator';
  for (const entry of PAGES) {
    const params = matchPath(entry.path, path);
    if (!params) continue;
    const Page = entry.page;
    return (
      <RoleGate anyOf={['coordinator']} what="The coordinator workspace">
        <Suspense fallback={<Progress label={`Loading ${entry.title.toLowerCase()}…`} />}>
          <Page params={params} />
        </Suspense>
      </RoleGate>
    );
  }
  return (
    <CoordinatorPage title="Page not found">
      <p>There is no such page in the coordinator workspace.</p>
    </CoordinatorPage>
  );
}
