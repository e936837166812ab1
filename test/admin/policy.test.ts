import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every policy setting is changed from the app, with plain-English errors on the field, nothing
 * half-saved, and the change audited with before and after values; the confidentiality
 * statement is editable.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

async function call(method: string, route: string, body?: unknown) {
  const res = await fetch(`${app.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${await app.signIn('coordinator')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const policy = async () => (await call('GET', '/api/area')).body.policy;

describe('policy settings', () => {
  it('changes every group and audits before and after', async () => {
    const groups = {
      meetings: {
        meetingFrequency: 'monthly',
        minutesPerCase: 12,
        capacity: { maxCases: 18, maxSessionMinutes: 210 },
        breakPromptMinutes: 75,
      },
      circulation: { caseListLeadWorkingDays: 6, writtenSubmissionDaysBefore: 3 },
      actions: {
        actionDueRule: 'same-day',
        workingHours: { start: '08:30', end: '16:30' },
        chaseLadder: [
          { step: 'reminder', offsetWorkingDays: -1, recipients: 'owner' },
          { step: 'escalation', offsetWorkingDays: 3, recipients: 'escalation-contact' },
        ],
      },
      attendance: {
        attendancePolicy: 'leave-after-own-case',
        cameraEvidence: { callingBot: false, callRecords: true },
      },
      dataProtection: {
        retention: {
          researchHoursAfterMeeting: 24,
          caseListExportHoursAfterMeeting: 0,
          caseReviewMonths: [6],
        },
        minutesDownload: 'download-allowed',
        allowedRecipientDomains: ['northfield-police.example'],
      },
    };
    for (const changes of Object.values(groups)) {
      const res = await call('PATCH', '/api/area/policy', changes);
      expect(res.status).toBe(200);
      expect(res.body.policy).toMatchObject(changes);
    }
    expect(await policy()).toMatchObject(Object.assign({}, ...Object.values(groups)));
    const audit = await app.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'area.policy-update' ORDER BY id",
    );
    expect(audit.rows[0]?.detail).toMatchObject({
      fields: ['meetingFrequency', 'minutesPerCase', 'capacity', 'breakPromptMinutes'],
      'before.meetingFrequency': 'fortnightly',
      'after.meetingFrequency': 'monthly',
      'before.capacity.maxCases': 20,
      'after.capacity.maxCases': 18,
    });
    expect(audit.rows[2]?.detail['after.chaseLadder']).toContain('escalation-contact');
  });

  it('names each bad value in plain words on its field and saves nothing', async () => {
    const before = await policy();
    const bad = await call('PATCH', '/api/area/policy', {
      minutesPerCase: 0,
      caseListLeadWorkingDays: 'eight',
      capacity: { maxCases: 0, maxSessionMinutes: 240 },
      chaseLadder: [{ step: 'Over Due!', offsetWorkingDays: 2, recipients: 'owner' }],
      breakPromptMinutes: 90,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('The policy was not changed: fix the values marked.');
    const byPath = Object.fromEntries(
      bad.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(byPath).toEqual({
      minutesPerCase: 'Enter a whole number of minutes from 1 to 120.',
      caseListLeadWorkingDays: 'Enter a whole number of working days from 1 to 30.',
      'capacity.maxCases': 'Enter a whole number of cases, 1 or more.',
      'chaseLadder.0.step':
        'Name the step with lower-case letters, digits and hyphens, for example “overdue”.',
    });
    expect(JSON.stringify(bad.body)).not.toMatch(/expected|>=|Too small/);
    const crossField = await call('PATCH', '/api/area/policy', {
      workingHours: { start: '17:00', end: '09:00' },
      allowedRecipientDomains: ['northfield-police.example', 'not a domain'],
    });
    expect(crossField.body.error.details).toEqual([
      { path: 'workingHours.end', message: 'The working day must end after it starts.' },
      {
        path: 'allowedRecipientDomains.1',
        message: 'Enter one domain per line, for example northfield-police.example.',
      },
    ]);
    const unknown = await call('PATCH', '/api/area/policy', { madeUp: true });
    expect(unknown.body.error.details[0].message).toBe('The area has no setting called madeUp.');
    expect(await policy()).toEqual(before);
  });
});

describe('the confidentiality statement', () => {
  it('is changed by the coordinator, audited by length only', async () => {
    const text =
      'Everything said in this meeting is confidential and is shared only to keep people safe. ' +
      'Do not record the meeting or share the minutes.';
    const res = await call('PUT', '/api/area/confidentiality-statement', { text });
    expect(res.status).toBe(200);
    expect((await call('GET', '/api/area')).body.area.confidentialityStatement).toBe(text);
    const short = await call('PUT', '/api/area/confidentiality-statement', { text: 'Secret.' });
    expect(short.body.error.details[0].path).toBe('confidentialityStatement');
    const audit = await app.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'area.statement-update'",
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.detail['after.characters']).toBe(text.length);
    expect(JSON.stringify(audit.rows)).not.toContain('confidential and is shared');
  });
});
