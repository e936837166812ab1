/**
 * The meeting tab's configuration page (Teams "configurableTabs"): the coordinator or chair
 * picks which MARAC meeting this Teams meeting is, and the tab then opens /tab/meeting for it.
 */
import { Body1, Field, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MeetingSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { EmptyState, formatDateTime, Loaded, PageLayout, Section } from '../../shell/components.js';
import { teamsJs } from '../../shell/host.js';
import { useMe } from '../../shell/session.js';

export default function TabConfig() {
  const me = useMe();
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/meetings');
  const [meetingId, setMeetingId] = useState('');
  useEffect(() => {
    const teams = teamsJs();
    if (!teams?.pages.config.isSupported()) return;
    teams.pages.config.setValidityState(Boolean(meetingId));
    if (!meetingId) return;
    teams.pages.config.registerOnSaveHandler((save) => {
      const base = window.location.origin;
      void teams.pages.config
        .setConfig({
          entityId: `marac-meeting-${meetingId}`,
          contentUrl: `${base}/tab/meeting?meetingId=${meetingId}`,
          websiteUrl: `${base}/tab/meeting?meetingId=${meetingId}`,
          suggestedDisplayName: 'MARAC',
        })
        .then(
          () => save.notifySuccess(),
          () => save.notifyFailure('Could not save the tab.'),
        );
    });
  }, [meetingId]);
  return (
    <PageLayout title="Add the MARAC tab">
      <Body1>
        Choose the MARAC meeting this Teams meeting is for. People then see its case list (after the
        confidentiality declaration) in the tab.
      </Body1>
      <Section title="Meeting">
        <Loaded state={meetings} label="Loading meetings…">
          {(d) =>
            d.meetings.length === 0 ? (
              <EmptyState title="No meetings scheduled">
                The coordinator schedules meetings in the coordinator workspace first.
              </EmptyState>
            ) : (
              <Field label="MARAC meeting">
                <Select value={meetingId} onChange={(_e, data) => setMeetingId(data.value)}>
                  <option value="">Choose a meeting…</option>
                  {d.meetings.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title}, {formatDateTime(m.scheduledStart, me.area.timeZone)}
                    </option>
                  ))}
                </Select>
              </Field>
            )
          }
        </Loaded>
      </Section>
    </PageLayout>
  );
}
