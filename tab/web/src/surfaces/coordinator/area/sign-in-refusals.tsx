/**
 * Sign-ins the service refused because the person is not (or no longer) part of this MARAC,
 * named from the directory, so the coordinator can add or reactivate them if they should be.
 */
import { Text } from '@fluentui/react-components';
import { useApi } from '../../../api/use-api.js';
import { formatDateTime, Loaded } from '../../../shell/components.js';
import { DataTable } from '../../common/data-table.js';
import { useStyles } from './styles.js';

interface Refusal {
  objectId: string;
  displayName: string | null;
  email: string | null;
  reason: 'not-registered' | 'deactivated';
  lastAttemptAt: string;
  attempts: number;
}

export function SignInRefusals() {
  const styles = useStyles();
  const state = useApi<{ refusals: Refusal[] }>('/area/sign-in-refusals');
  return (
    <Loaded state={state} label="Loading refused sign-ins…">
      {(d) =>
        d.refusals.length === 0 ? (
          <Text>Nobody has been turned away.</Text>
        ) : (
          <div className={styles.scroll}>
            <DataTable
              label="Refused sign-ins"
              rows={d.refusals}
              rowKey={(r) => r.objectId}
              columns={[
                {
                  header: 'Who',
                  cell: (r) => (
                    <>
                      {r.displayName ?? 'Not in the directory any more'}
                      <br />
                      <Text size={200}>{r.email ?? ''}</Text>
                    </>
                  ),
                },
                {
                  header: 'Why',
                  cell: (r) =>
                    r.reason === 'deactivated'
                      ? 'Deactivated: reactivate them under People if they should have access'
                      : 'Not added: add them under People if they should have access',
                },
                { header: 'Last tried', cell: (r) => formatDateTime(r.lastAttemptAt) },
              ]}
            />
          </div>
        )
      }
    </Loaded>
  );
}
