/**
 * The frame of every coordinator page: the workspace's sub-navigation and the signed-in person.
 * Pages import this, never the workspace router, so the router can load them lazily without a
 * cycle.
 */
import type { ReactNode } from 'react';
import { PageLayout, type NavItem } from '../../shell/components.js';
import { WhoAmI } from '../../shell/session.js';
import { UndeliveredMail } from './undelivered-mail.js';

export const NAV: NavItem[] = [
  { to: '/tab/coordinator', label: 'Today' },
  { to: '/coordinator/schedule', label: 'Schedule' },
  { to: '/coordinator/actions', label: 'Actions' },
  { to: '/coordinator/area', label: 'Area set-up' },
  { to: '/coordinator/audit', label: 'Audit log' },
  { to: '/reports/governance', label: 'Governance report' },
];

/** A page of the workspace: its sub-navigation, the signed-in person, the content. */
export function CoordinatorPage(props: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <PageLayout title={props.title} subtitle={props.subtitle} nav={NAV} actions={<WhoAmI />}>
      <UndeliveredMail />
      {props.children}
    </PageLayout>
  );
}
