import { readFileSync } from 'node:fs';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCallingNotifications } from '../../graph/calling-notifications.js';
import { GraphAttendanceReports } from '../../graph/graph-attendance-reports.js';
import { GraphCallRecords } from '../../graph/graph-call-records.js';
import { GraphClient } from '../../graph/graph-client.js';
import { GraphDirectory } from '../../graph/graph-directory.js';
import { GraphFileShare } from '../../graph/graph-file-share.js';
import { GraphMailbox } from '../../graph/graph-mailbox.js';
import { GraphMeetingScheduler } from '../../graph/graph-meeting-scheduler.js';
import { listen } from '../support/http.js';
import { example, exampleFiles, sources } from './support/microsoft-examples.js';

/**
 * Every response Microsoft publishes for a call the product makes goes through the product's
 * own parser. Graph here is a stand-in that answers each path with the published example,
 * verbatim (and, for `$metadata`, with the CSDL document Graph serves there), and records
 * what was asked, so the product's paths are checked too.
 */
const MAILBOX = 'AdeleV@contoso.com'; // the UPN of Microsoft's user-get example
const ADELE = '87d349ed-44d7-43e1-9a83-5f2406dee5bd';
const seen: string[] = [];
let answers: Record<string, unknown> = {};
let server: Awaited<ReturnType<typeof listen>>;
let graph: GraphClient;

beforeAll(async () => {
  const app = express();
  app.use((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.path === '/v1.0/$metadata')
      return void res.type('application/xml').send('<edmx:Edmx Version="4.0"/>');
    const key = `${req.method} ${decodeURIComponent(req.path)}`;
    if (!(key in answers))
      return void res.status(404).json({ error: { code: 'NotFound', message: key } });
    res.status(req.method === 'POST' || req.method === 'PUT' ? 201 : 200).json(answers[key]);
  });
  server = await listen(app);
  graph = new GraphClient({
    baseUrl: `${server.url}/v1.0`,
    tokens: { appToken: async () => 'token', onBehalfOf: async () => 'x' },
    maxRetries: 0,
  });
});
beforeEach(() => {
  seen.length = 0;
  answers = { [`GET /v1.0/users/${MAILBOX}`]: example('user-get.response.json') };
});
afterAll(() => server.close());

describe('Microsoft’s published Graph responses, read by the product’s parsers', () => {
  it('every example in the corpus has a source URL, a retrieval date and a call', () => {
    const listed = sources('graph');
    expect(Object.keys(listed).sort()).toEqual(exampleFiles('graph').sort());
    for (const [name, s] of Object.entries(listed)) {
      expect(s.url, name).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(s.retrieved, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.call, name).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/|^POST \{callbackUri\}$/);
    }
  });

  it('every example is used by a contract test (responses by a parser or the simulator check)', () => {
    const source = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
    const parsers = source('./microsoft-graph-parsers.test.ts');
    const requests = source('./microsoft-graph-requests.test.ts');
    const simulator = source('./microsoft-graph-simulator.test.ts');
    for (const [name, s] of Object.entries(sources('graph'))) {
      const used = s.kind === 'request' ? requests + simulator : parsers + simulator;
      expect(used.includes(`'${name}'`), name).toBe(true);
    }
  });

  it('inbox: a reply’s conversation, sender, time and own text from the published message; a message without them is skipped', async () => {
    const path = `GET /v1.0/users/${MAILBOX}/mailFolders/inbox/messages`;
    answers[path] = {
      value: [example('message-get.response.json'), example('message-get-text.response.json')],
    };
    const mailbox = new GraphMailbox({ graph, mailbox: MAILBOX });
    expect(await mailbox.receivedSince(new Date('2018-09-01T00:00:00.000Z'))).toEqual([
      {
        id: 'AAMkADhMGAAA=',
        conversationId: 'AAQkADOUpag6yWs=',
        fromEmail: 'adelev@contoso.onmicrosoft.com',
        fromName: 'Adele Vance',
        receivedAt: new Date('2018-09-09T03:15:08Z'),
        text: 'The group represents Nevada.',
      },
    ]);
    const asked = decodeURIComponent(seen.at(-1) as string);
    expect(asked).toContain('$filter=receivedDateTime ge 2018-09-01T00:00:00Z');
    expect(asked).toContain('$select=id,conversationId,from,receivedDateTime,uniqueBody');
    expect(asked).toContain('$orderby=receivedDateTime asc');
  });

  it('user: the mailbox’s object id from GET /users/{upn}?$select=id, asked once', async () => {
    const directory = new GraphDirectory({ graph });
    expect(await directory.objectIdOf(MAILBOX)).toBe(ADELE);
    expect(await directory.objectIdOf(MAILBOX)).toBe(ADELE);
    expect(seen).toEqual([`GET /v1.0/users/${encodeURIComponent(MAILBOX)}?$select=id`]);
  });

  it('group members: the transitive members sample, users only, pages followed', async () => {
    const GROUP = '02bd9fd6-8f93-4758-87c3-1fb73740a315'; // the sample's group
    const sample = example('group-list-transitivemembers.response.json') as { value: unknown[] };
    const nested = {
      '@odata.type': '#microsoft.graph.group',
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
    };
    answers[`GET /v1.0/groups/${GROUP}/transitiveMembers`] = {
      value: [nested],
      '@odata.nextLink': `${server.url}/v1.0/groups/${GROUP}/transitiveMembers?$skiptoken=page2`,
    };
    // The second page is the published sample, verbatim.
    const first = answers[`GET /v1.0/groups/${GROUP}/transitiveMembers`];
    let call = 0;
    answers = new Proxy(answers, {
      get: (target, key) =>
        key === `GET /v1.0/groups/${GROUP}/transitiveMembers`
          ? (call += 1) === 1
            ? first
            : sample
          : target[key as string],
    });
    const members = await new GraphDirectory({ graph }).groupMembers(GROUP);
    expect(members).toEqual([
      {
        objectId: '11111111-2222-3333-4444-555555555555',
        displayName: null,
        mail: 'group1@contoso.com',
        userPrincipalName: 'group1@contoso.com',
        userType: 'Member',
      },
    ]);
    expect(seen).toEqual([
      `GET /v1.0/groups/${GROUP}/transitiveMembers?$select=id%2CdisplayName%2Cmail%2CuserPrincipalName%2CuserType`,
      `GET /v1.0/groups/${GROUP}/transitiveMembers?$skiptoken=page2`,
    ]);
  });

  it('online meeting by JoinWebUrl, addressed by the organiser’s object id (the thread from the join URL when chatInfo is absent)', async () => {
    const published = example('onlinemeeting-list-by-joinweburl.response.json');
    answers[`GET /v1.0/users/${ADELE}/onlineMeetings`] = published;
    const scheduler = new GraphMeetingScheduler({
      graph,
      organizer: MAILBOX,
      teamsAppId: 'app',
      graphBaseUrl: `${server.url}/v1.0`,
    });
    const joinUrl = published.value[0].joinWebUrl as string;
    expect(await scheduler.findOnlineMeeting(joinUrl)).toEqual({
      onlineMeetingId: published.value[0].id,
      joinWebUrl: joinUrl,
      chatThreadId: '19:meeting_MGQ4MDQyNTEtNTQ2NS00YjQxLTlkMYzMmY2@thread.v2',
    });
    expect(seen.at(-1)).toMatch(
      new RegExp(`^GET /v1.0/users/${ADELE}/onlineMeetings\\?\\$filter=`),
    );
  });

  it('series occurrences from the instances sample (UTC, as asked with Prefer)', async () => {
    answers['GET /v1.0/users/AdeleV@contoso.com/events/AAMkAGUzYRgWAAA=/instances'] = example(
      'event-list-instances.response.json',
    );
    const scheduler = new GraphMeetingScheduler({
      graph,
      organizer: MAILBOX,
      teamsAppId: 'app',
      graphBaseUrl: `${server.url}/v1.0`,
    });
    const found = await scheduler.listOccurrences(
      'AAMkAGUzYRgWAAA=',
      new Date('2019-04-01T00:00:00Z'),
      new Date('2019-05-01T00:00:00Z'),
    );
    expect(found.map((o) => [o.eventId, o.start.toISOString(), o.end.toISOString()])).toEqual([
      [
        'AAMkAGUzYAgI1sE1TatAAEYAAAAAlNFb2CNPe0ucP9you',
        '2019-04-16T20:30:00.000Z',
        '2019-04-16T21:00:00.000Z',
      ],
      [
        'AAMkAGUzYAgI1ru1JMcAAEYAAAAAlNFb2CNPe0ucP9you',
        '2019-04-08T20:30:00.000Z',
        '2019-04-08T21:00:00.000Z',
      ],
    ]);
  });

  it('attendance reports and records, addressed by the organiser’s object id', async () => {
    const base = `/v1.0/users/${ADELE}/onlineMeetings/MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZ/attendanceReports`;
    answers[`GET ${base}`] = example('meetingattendancereport-list.response.json');
    answers[`GET ${base}/c9b6db1c-d5eb-427d-a5c0-20088d9b22d7/attendanceRecords`] = example(
      'attendancerecord-list.response.json',
    );
    const reports = new GraphAttendanceReports({ graph, organizer: MAILBOX });
    const list = await reports.list('MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZ');
    expect(list[0]).toEqual({
      id: 'c9b6db1c-d5eb-427d-a5c0-20088d9b22d7',
      meetingStart: new Date('2021-10-05T04:38:23.945Z'),
      meetingEnd: new Date('2021-10-05T04:43:49.77Z'),
      totalParticipantCount: 1,
    });
    const records = await reports.records(
      'MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZ',
      'c9b6db1c-d5eb-427d-a5c0-20088d9b22d7',
    );
    expect(records[0]).toMatchObject({
      entraObjectId: 'dc17674c-81d9-4adb-bfb2-8f6a442e4623',
      tenantId: null,
      email: 'frederick.cormier@contoso.com',
      role: 'Organizer',
      totalSeconds: 322,
      intervals: [{ durationSeconds: 322, left: new Date('2021-10-05T04:43:49.7702391Z') }],
    });
    expect(seen.every((s) => !s.includes('contoso.com/'))).toBe(true);
  });

  it('call record sessions: the participant comes from associatedIdentity (identity.user is deprecated)', async () => {
    const published = example('callrecord-get-sessions-segments.response.json');
    delete published['sessions@odata.nextLink']; // its link is the next test's subject
    answers['GET /v1.0/communications/callRecords/e523d2ed-2966-4b6b-925b-754a88034cc5'] =
      published;
    const evidence = await new GraphCallRecords({ graph }).videoEvidence(
      'e523d2ed-2966-4b6b-925b-754a88034cc5',
    );
    expect(evidence).toEqual([
      {
        entraObjectId: '821809f5-0000-0000-0000-3b5136c0e777',
        start: new Date('2020-02-25T18:52:21.2169889Z'),
        end: new Date('2020-02-25T18:52:46.7640013Z'),
        sentMainVideo: false,
      },
    ]);
  });

  it('call record sessions: the sample’s $metadata nextLink is not followed and the loss is surfaced', async () => {
    answers['GET /v1.0/communications/callRecords/e523d2ed-2966-4b6b-925b-754a88034cc5'] = example(
      'callrecord-get-sessions-segments.response.json',
    );
    const error = await new GraphCallRecords({ graph })
      .videoEvidence('e523d2ed-2966-4b6b-925b-754a88034cc5')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ graphCode: 'UnfollowableNextLink' });
    expect(seen.some((s) => s.includes('$metadata'))).toBe(false);
  });

  it('drive items: upload and createLink answers', async () => {
    answers['PUT /v1.0/drives/d/items/root:/FileB.txt:/content'] = example(
      'driveitem-put-content.response.json',
    );
    answers['POST /v1.0/drives/d/items/0123456789abc/createLink'] = example(
      'driveitem-createlink.response.json',
    );
    const files = new GraphFileShare({ graph, driveId: 'd' });
    const stored = await files.upload('FileB.txt', new Uint8Array([1]), 'text/plain');
    expect(stored).toEqual({ driveId: 'd', itemId: '0123456789abc' });
    const expires = new Date('2030-01-01T00:00:00Z');
    const link = await files.shareWithPeople(stored, ['a@b.example'], {
      type: 'view',
      expiresAt: expires,
    });
    expect(link).toEqual({
      permissionId: '123ABC',
      webUrl: 'https://1drv.ms/A6913278E564460AA616C71B28AD6EB6',
      expiresAt: expires,
    });
  });

  it('calling roster notification: a participant sharing their screen is present, camera off', () => {
    expect(parseCallingNotifications(example('commsnotifications-roster-updated.json'))).toEqual([
      {
        kind: 'roster',
        callId: '57dab8b1-894c-409a-b240-bd8beae78896',
        participants: [
          {
            entraObjectId: '5810cede-f3cc-42eb-b2c1-e9bd5d53ec96',
            displayName: 'Bob',
            inMeeting: true,
            cameraOn: false,
          },
        ],
      },
    ]);
  });
});
