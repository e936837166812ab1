/**
 * My MARAC (personal tab in Teams, Outlook and the Microsoft 365 app): my next meetings and my
 * cases' join times, my actions with complete / cannot be achieved in two clicks (FR-073,
 * FR-076), and my agency's actions (FR-077). A mail's deep link (?action=<id>) opens that
 * action directly. Kept small: it must stay under 250 KB of gzipped JavaScript.
 */
import { Body1 } from '@fluentui/react-components';
import { useState } from 'react';
import { Notice, PageLayout, Section } from '../../shell/components.js';
import { useLocation, useNavigate } from '../../shell/router.js';
import { hasRole, roleWords, useMe, WhoAmI } from '../../shell/session.js';
import { ActionsSection } from './actions-panel.js';
import { AwaitingConfirmation } from './awaiting-confirmation.js';
import { DeepLinkedAction } from './close-action-dialog.js';
import { NextMeetings } from './next-meetings.js';

const AGENCY_VOICE = ['representative', 'deputy', 'idva', 'referrer'] as const;

export default function MyMarac() {
  const me = useMe();
  const { query } = useLocation();
  const navigate = useNavigate();
  const deepLinked = query.get('action');
  const [notice, setNotice] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const closeDeepLink = () => navigate('/tab/my-marac');
  return (
    <PageLayout title="My MARAC" subtitle={me.area.name} actions={<WhoAmI />}>
      {notice && <Notice intent="success">{notice}</Notice>}
      <NextMeetings me={me} />
      {hasRole(me, 'chair', 'deputy-chair') && <AwaitingConfirmation />}
      {hasRole(me, ...AGENCY_VOICE) ? (
        <>
          <ActionsSection
            key={`mine-${generation}`}
            title="My actions"
            scope="mine"
            me={{ personId: me.person.id, hasAgency: me.agency !== null }}
            canClose
            empty="You have no open actions. Actions the chair confirms for you or your agency appear here."
            onClosed={(text) => {
              setNotice(text);
              setGeneration((g) => g + 1);
            }}
          />
          {me.agency && (
            <ActionsSection
              key={`agency-${generation}`}
              title={`${me.agency.name}'s actions`}
              scope="agency"
              me={{ personId: me.person.id, hasAgency: true }}
              canClose
              empty="Your agency has no actions at the moment."
              onClosed={(text) => {
                setNotice(text);
                setGeneration((g) => g + 1);
              }}
            />
          )}
        </>
      ) : (
        <Section title="Actions">
          <Body1>Your role ({roleWords(me.roles)}) does not own actions.</Body1>
        </Section>
      )}
      {deepLinked && (
        <DeepLinkedAction
          actionId={deepLinked}
          onDone={(text) => {
            setNotice(text);
            setGeneration((g) => g + 1);
            closeDeepLink();
          }}
          onCancel={closeDeepLink}
        />
      )}
    </PageLayout>
  );
}
