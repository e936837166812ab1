/**
 * The coordinator's notice of mail that has not gone (shown on every workspace page while there
 * is any): late mail, still being retried (Microsoft 365 throttling, for example), and failed
 * mail, with a button to send it again. Subjects and counts only: mail is about references.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { api, plainError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { formatDateTime } from '../../shell/components.js';
import { useMe } from '../../shell/session.js';

interface UnsentMail {
  id: string;
  purpose: string;
  subject: string;
  attempts: number;
  recipients: number;
  createdAt: string;
  firstAttemptAt: string | null;
}

export function UndeliveredMail() {
  const me = useMe();
  const state = useApi<{ late: UnsentMail[]; failed: UnsentMail[] }>('/outbox/attention');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const data = state.data;
  if (!data || (data.late.length === 0 && data.failed.length === 0)) return null;
  const resend = async (id: string) => {
    setBusy(id);
    setProblem(null);
    try {
      await api(`/outbox/${id}/resend`, { method: 'POST' });
      state.reload();
    } catch (error) {
      setProblem(plainError(error));
    } finally {
      setBusy(null);
    }
  };
  const people = (n: number) => (n === 1 ? '1 recipient' : `${n} recipients`);
  return (
    <section aria-label="Mail not delivered">
      {data.late.length > 0 && (
        <MessageBar intent="warning" role="status" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Mail is late</MessageBarTitle>
            {data.late.length === 1 ? 'One mail has' : `${data.late.length} mails have`} not gone
            yet: Microsoft 365 is not accepting them at the moment. They are being tried again
            automatically for up to 24 hours.
            <ul>
              {data.late.map((m) => (
                <li key={m.id}>
                  {m.subject} ({people(m.recipients)}, queued{' '}
                  {formatDateTime(m.createdAt, me.area.timeZone)})
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {data.failed.length > 0 && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Mail not sent</MessageBarTitle>
            {data.failed.length === 1 ? 'One mail' : `${data.failed.length} mails`} could not be
            sent. Send again when Microsoft 365 is working.
            {problem && <p role="alert">{problem}</p>}
            <ul>
              {data.failed.map((m) => (
                <li key={m.id}>
                  {m.subject} ({people(m.recipients)}, queued{' '}
                  {formatDateTime(m.createdAt, me.area.timeZone)}){' '}
                  <Button
                    size="small"
                    disabled={busy !== null}
                    onClick={() => void resend(m.id)}
                    aria-label={`Send again: ${m.subject}`}
                  >
                    {busy === m.id ? 'Sending…' : 'Send again'}
                  </Button>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
