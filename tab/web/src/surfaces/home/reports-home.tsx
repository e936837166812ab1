/** The "Reports" personal tab: the reports this person may read, one click each. */
import { Body1 } from '@fluentui/react-components';
import { EmptyState, PageLayout, Section } from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { hasRole, useMe, WhoAmI } from '../../shell/session.js';
import { useStyles } from './styles.js';

export default function ReportsHome() {
  const me = useMe();
  const styles = useStyles();
  const reads = hasRole(me, 'coordinator', 'chair', 'deputy-chair', 'steering');
  return (
    <PageLayout title="Reports" subtitle={me.area.name} actions={<WhoAmI />}>
      {reads ? (
        <Section title="Reports">
          <ul className={styles.links}>
            <li>
              <RouteLink to="/reports/attendance">Attendance report</RouteLink>
              <Body1 as="p">Who attended, by agency and by case, with cameras on or off.</Body1>
            </li>
            <li>
              <RouteLink to="/reports/governance">Governance report</RouteLink>
              <Body1 as="p">
                Cases, repeat referrals, actions and attendance for the steering group, and the
                SafeLives data return.
              </Body1>
            </li>
          </ul>
        </Section>
      ) : (
        <EmptyState title="Reports are for the coordinator, the chairs and the steering group">
          Your meetings and actions are in <RouteLink to="/tab/my-marac">My MARAC</RouteLink>.
        </EmptyState>
      )}
    </PageLayout>
  );
}
