/**
 * The coordinator workspace (issue 7): area set-up, schedule, a meeting's agenda, import and
 * circulation, the action tracker and the audit log. Each page is a lazy chunk of its own; to
 * add one, add a line to PAGES (and NAV if it has a top-level entry).
 */
import { lazy, Suspense } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { PageLayout, Progress, type NavItem } from '../../shell/components.js';
import { matchPath } from '../../shell/router.js';
import { RoleGate, WhoAmI } from '../../shell/session.js';
import { UndeliveredMail } from './undelivered-mail.js';

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

export const NAV: NavItem[] = [
  { to: '/coordinator/schedule', label: 'Schedule' },
  { to: '/coordinator/actions', label: 'Actions' },
  { to: '/coordinator/area', label: 'Area set-up' },
  { to: '/coordinator/audit', label: 'Audit log' },
  { to: '/reports/governance', label: 'Governance report' },
];

export const PAGES: { path: string; title: string; page: Page }[] = [
  { path: '/coordinator', title: 'Schedule', page: lazy(() => import('./schedule.js')) },
  { path: '/coordinator/schedule', title: 'Schedule', page: lazy(() => import('./schedule.js')) },
  {
    path: '/coordinator/meetings/:meetingId',
    title: 'Meeting',
    page: lazy(() => import('./meeting-workspace.js')),
  },
  { path: '/coordinator/actions', title: 'Actions', page: lazy(() => import('./actions.js')) },
  { path: '/coordinator/area', title: 'Area set-up', page: lazy(() => import('./area.js')) },
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

/** A page of the workspace: its sub-navigation, the signed-in person, the content. */
export function CoordinatorPage(props: {
  title: string;
  subtitle?: string;
  children: React.ReactNode;
}) {
  return (
    <PageLayout title={props.title} subtitle={props.subtitle} nav={NAV} actions={<WhoAmI />}>
      <UndeliveredMail />
      {props.children}
    </PageLayout>
  );
}
