import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type {
  Minutes,
  MinutesAction,
  MinutesAttendee,
  MinutesCaseSheet,
} from '../../../core/minutes/minutes.js';

export interface DocxViewer {
  exportedFor: string;
  exportedAt: Date;
  timeZone: string;
}

/** A4 portrait with 2 cm margins: the width tables share, in twentieths of a point. */
const PAGE_WIDTH = 11906;
const MARGIN = 1134;
const CONTENT = PAGE_WIDTH - 2 * MARGIN;

/**
 * The minutes as a Word document a chair would sign (REQUIREMENTS.md §3.9, FR-084, FR-085): the
 * sections of the CAADA minutes checklist (information about the meeting, confidentiality
 * statement, actions from previous MARACs, one sheet per case), dates written the British way,
 * owners named, cases not heard marked so, the MARAC name and "Page N of M" (Word PAGE and
 * NUMPAGES fields) on every page, and who it was exported for and when.
 */
export async function minutesDocx(m: Minutes, viewer: DocxViewer): Promise<Buffer> {
  const tz = viewer.timeZone;
  const time = (iso: string | null) => (iso ? enGbTime(new Date(iso), tz) : '');
  const exported = `Exported for ${viewer.exportedFor}, ${enGbDateTime(viewer.exportedAt, tz)}`;

  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(m.maracName)] }),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun('Minutes and action plan')],
    }),
    p(`${enGbDate(m.meeting.date)}, ${m.meeting.start} to ${m.meeting.end}`, { bold: true }),
    p(statusLine(m, tz)),
    ...(m.extract
      ? [p(`Extract for ${m.extract.agency}: only the cases and actions of this agency.`)]
      : []),
    p(exported, { italics: true }),

    h1('1. Information about the meeting'),
    facts([
      ['Date', enGbDate(m.meeting.date)],
      ['Time', `${m.meeting.start} to ${m.meeting.end}`],
      ['Chair', m.meeting.chair ?? 'Not recorded'],
    ]),
    h2('Attendees'),
    m.meetingInformation.attendees.length
      ? attendeeTable(m.meetingInformation.attendees, time, true)
      : p('Attendance has not been reconciled yet.'),
    p(
      'Joined and left: first join and last leave in the meeting. Camera: minutes with the camera on, and where that figure comes from.',
      { size: 16, italics: true },
    ),
    h2('Observers present'),
    p(m.meetingInformation.observers.map((o) => o.name).join(', ') || 'None.'),
    h2('Apologies'),
    m.meetingInformation.apologies.length
      ? table(
          [
            ['Agency', 0.4],
            ['Deputy attending', 0.35],
            ['Written submission', 0.25],
          ],
          m.meetingInformation.apologies.map((a) => [
            a.agency,
            a.deputy ?? 'None',
            a.writtenSubmission ? 'Yes' : 'No',
          ]),
        )
      : p('None.'),

    h1('2. Confidentiality statement'),
    p(m.confidentialityStatement),

    h1('3. Actions from previous MARACs'),
    p(
      m.previousMeeting
        ? `Outstanding from earlier meetings (the last was on ${enGbDate(m.previousMeeting.date)}).`
        : 'Outstanding from earlier meetings.',
    ),
    m.outstandingActions.length ? actionTable(m.outstandingActions, true) : p('None outstanding.'),

    h1('4. Case details'),
    p(
      `${m.cases.length} case${m.cases.length === 1 ? '' : 's'} listed; ${m.cases.filter((c) => c.heard).length} heard. Each case follows on its own page.`,
    ),
  ];
  for (const c of m.cases) children.push(...caseSheet(c, time));

  if (m.addenda.length) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new TextRun('Addenda: corrections after approval')],
      }),
      table(
        [
          ['Added', 0.22],
          ['By', 0.2],
          ['Case', 0.13],
          ['Correction', 0.45],
        ],
        m.addenda.map((a) => [
          enGbDateTime(new Date(a.addedAt), tz),
          a.addedBy,
          a.caseNumber ?? 'Whole minutes',
          a.body,
        ]),
      ),
    );
  }

  children.push(
    h1('Approval'),
    p(
      m.workflow.approvedAt
        ? `Approved by ${m.workflow.approvedBy ?? 'the chair'} on ${enGbDate(isoDay(m.workflow.approvedAt, tz))}.`
        : 'Not yet approved by the chair.',
    ),
    p(' '),
    p('Signed (chair): ______________________________     Date: ____________________'),
  );

  const doc = new Document({
    creator: m.maracName,
    title: `${m.maracName}: minutes of ${enGbDate(m.meeting.date)}`,
    styles: {
      default: { document: { run: { font: 'Arial', size: 21 } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: 16838 },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${m.maracName}: CONFIDENTIAL`, bold: true, size: 18 }),
                ],
              }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: exported, size: 16 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    text: `${m.footer.maracName}, minutes of ${enGbDate(m.meeting.date)}. Page `,
                    size: 18,
                  }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
                  new TextRun({ text: ' of ', size: 18 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children: withGaps(children),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function caseSheet(c: MinutesCaseSheet, time: (iso: string | null) => string) {
  const b = c.beforeMeeting;
  const d = c.duringMeeting;
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      pageBreakBefore: true,
      children: [
        new TextRun(
          `Case ${c.position}: ${c.caseNumber}${c.closedSession ? ' (closed session)' : ''}${c.heard ? '' : ': not heard'}`,
        ),
      ],
    }),
  ];
  if (!c.heard)
    out.push(
      p(
        c.actions.length
          ? 'Not heard at this meeting.'
          : 'Not heard at this meeting. No actions were agreed for this case.',
        { bold: true },
      ),
    );
  out.push(
    h3('Before the meeting'),
    b.subjects.length
      ? table(
          [
            ['Who', 0.16],
            ['Name', 0.24],
            ['Date of birth', 0.18],
            ['Address', 0.42],
          ],
          b.subjects.map((s) => [
            SUBJECT_WORDS[s.kind] ?? words(s.kind),
            s.fullName,
            s.dateOfBirth ? enGbDate(s.dateOfBirth) : 'Not known',
            s.address ?? 'Not known',
          ]),
        )
      : p('No people recorded.'),
    facts([
      ['Risk level', words(c.riskLevel)],
      [
        'Victim (equality)',
        Object.entries(b.victimEquality)
          .filter(([, v]) => v)
          .map(([k, v]) => `${EQUALITY_WORDS[k] ?? k}: ${words(String(v))}`)
          .join('; ') || 'Not recorded',
      ],
      ['Referring agency', b.referringAgency ?? 'Not recorded'],
      ['Victim aware of the referral', yesNo(b.victimAwareOfReferral)],
      [
        'Repeat referral',
        b.repeat.isRepeat
          ? `Yes: ${b.repeat.timesInLast12Months} time${b.repeat.timesInLast12Months === 1 ? '' : 's'} in the last 12 months; last MARAC ${b.repeat.lastHeardOn ? enGbDate(b.repeat.lastHeardOn) : 'not known'}`
          : 'No',
      ],
      ['Referral basis', b.referralBasis ? words(b.referralBasis) : 'Not recorded'],
      ...b.keyInformation.map(
        (k) =>
          [`Key information (source: ${k.source ?? 'not recorded'})`, k.text] as [string, string],
      ),
    ]),
  );
  if (c.heard) {
    const r = c.record;
    out.push(
      h3('During the meeting'),
      facts([
        ['Heard', `${time(c.startedAt)} to ${time(c.endedAt) || 'not closed'}`],
        ['Date of the incident', d.incidentOn ? enGbDate(d.incidentOn) : 'Not recorded'],
        ['Risk summary', r.riskSummary ?? 'Not recorded'],
        ['Victim’s views (through the IDVA)', r.victimViews ?? 'Not recorded'],
        ['Up-to-date information direct from the victim', yesNo(d.victimViewsDirect)],
        ['Someone assigned to feed back to the victim', d.victimFeedbackAssigned ? 'Yes' : 'No'],
        ['Decisions', r.decisions ?? 'Not recorded'],
        ['Dissent recorded', r.dissent ?? 'None recorded'],
        [
          'Flagged to other processes',
          d.processFlags.length
            ? d.processFlags.map((f) => flagWords(f)).join('; ')
            : 'None recorded',
        ],
        ['Referred to a MARAC in another area', yesNo(d.referredToOtherArea)],
      ]),
      h3('Present for this case'),
      c.attendance.length
        ? attendeeTable(c.attendance, time, false)
        : p('Attendance for this case has not been reconciled yet.'),
      h3('Actions agreed'),
      c.actions.length ? actionTable(c.actions, false) : p('No actions agreed.'),
    );
  } else if (c.actions.length) out.push(h3('Actions recorded'), actionTable(c.actions, false));
  return out;
}

function attendeeTable(
  people: MinutesAttendee[],
  time: (iso: string | null) => string,
  withTitle: boolean,
) {
  const columns: [string, number][] = withTitle
    ? [
        ['Name', 0.17],
        ['Agency', 0.17],
        ['Job title', 0.16],
        ['Attended as', 0.15],
        ['Joined', 0.08],
        ['Left', 0.08],
        ['Camera', 0.19],
      ]
    : [
        ['Name', 0.22],
        ['Agency', 0.24],
        ['Joined', 0.1],
        ['Left', 0.1],
        ['Minutes', 0.1],
        ['Camera', 0.24],
      ];
  return table(
    columns,
    people.map((a) => {
      const camera =
        a.cameraOnMinutes === null
          ? CAMERA_WORDS[a.cameraSource ?? 'none']!
          : `${a.cameraOnMinutes} min on (${CAMERA_WORDS[a.cameraSource ?? 'none'] ?? 'source unknown'})`;
      return withTitle
        ? [
            a.name,
            a.agency ?? '',
            a.jobTitle ?? '',
            words(a.attendedAs),
            time(a.joinedAt),
            time(a.leftAt),
            camera,
          ]
        : [
            a.name,
            a.agency ?? '',
            time(a.joinedAt),
            time(a.leftAt),
            String(a.presentMinutes),
            camera,
          ];
    }),
  );
}

function actionTable(list: MinutesAction[], withCase: boolean) {
  const columns: [string, number][] = [
    ['Ref', 0.08],
    ...(withCase ? ([['Case', 0.1]] as [string, number][]) : []),
    ['Agency responsible', withCase ? 0.17 : 0.2],
    ['Owner', 0.14],
    ['Action agreed', withCase ? 0.24 : 0.28],
    ['Due', 0.15],
    ['Status', withCase ? 0.12 : 0.15],
  ];
  return table(
    columns,
    list.map((a) => [
      a.reference,
      ...(withCase ? [a.caseReference] : []),
      a.agency + (a.isJoint && a.partners.length ? ` (joint with ${a.partners.join(', ')})` : ''),
      a.owner ?? `${a.agency} (no named owner yet)`,
      a.description,
      enGbDate(a.dueOn) + (a.dueOverridden ? ' (set by the chair)' : ''),
      a.state === 'not-achievable'
        ? `Not achievable: ${a.notAchievableReason ?? 'no reason given'}`
        : a.state === 'done'
          ? `Done${a.completedOn ? ` ${enGbDate(a.completedOn)}` : ''}`
          : a.overdue
            ? 'Open, overdue'
            : 'Open',
    ]),
  );
}

/** A table whose columns are shares of the page width, laid out fixed so Word keeps them. */
function table(columns: [string, number][], rows: string[][]) {
  const widths = columns.map(([, share]) => Math.floor(CONTENT * share));
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(head ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } } : {}),
      children: text
        .split('\n')
        .map(
          (line) =>
            new Paragraph({ children: [new TextRun({ text: line, bold: head, size: 18 })] }),
        ),
    });
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map(([title], i) => cell(title, i, true)),
      }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) }),
      ),
    ],
  });
}

/** Label and value pairs as a borderless two-column table. */
function facts(pairs: [string, string][]) {
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const borders = { top: none, bottom: none, left: none, right: none };
  const w = [Math.floor(CONTENT * 0.32), Math.floor(CONTENT * 0.68)];
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: { ...borders, insideHorizontal: none, insideVertical: none },
    rows: pairs.map(
      ([k, v]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: w[0]!, type: WidthType.DXA },
              borders,
              children: [new Paragraph({ children: [new TextRun({ text: k, bold: true })] })],
            }),
            new TableCell({
              width: { size: w[1]!, type: WidthType.DXA },
              borders,
              children: v
                .split('\n')
                .map((line) => new Paragraph({ children: [new TextRun(line)] })),
            }),
          ],
        }),
    ),
  });
}

/** Word and LibreOffice merge tables that touch: a small paragraph keeps each its own. */
function withGaps(blocks: (Paragraph | Table)[]): (Paragraph | Table)[] {
  return blocks.flatMap((b, i) =>
    b instanceof Table && blocks[i + 1] instanceof Table
      ? [b, new Paragraph({ spacing: { after: 60 }, children: [] })]
      : [b],
  );
}

const p = (text: string, run: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, ...run })] });
const h1 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
const h2 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const h3 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(text)] });

function statusLine(m: Minutes, tz: string): string {
  const w = m.workflow;
  if (w.status === 'circulated')
    return `Approved by ${w.approvedBy ?? 'the chair'}${w.approvedAt ? ` on ${enGbDate(isoDay(w.approvedAt, tz))}` : ''}; circulated${w.circulatedAt ? ` on ${enGbDate(isoDay(w.circulatedAt, tz))}` : ''}.`;
  if (w.status === 'approved')
    return `Approved by ${w.approvedBy ?? 'the chair'}${w.approvedAt ? ` on ${enGbDate(isoDay(w.approvedAt, tz))}` : ''}; not yet circulated.`;
  if (w.status === 'awaiting-approval') return 'Draft: waiting for the chair’s approval.';
  return 'Draft: not yet approved by the chair.';
}

/** "2027-03-04" → "4 March 2027" (the date as written, no time zone shift). */
export function enGbDate(day: string): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, mo - 1, d)));
}

function enGbTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(
    at,
  );
}

function enGbDateTime(at: Date, timeZone: string): string {
  return `${enGbDate(isoDay(at.toISOString(), timeZone))} at ${enGbTime(at, timeZone)}`;
}

function isoDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

const yesNo = (v: boolean | null) => (v === null ? 'Not recorded' : v ? 'Yes' : 'No');

/** "very-high" → "Very high": slugs become words. */
function words(slug: string): string {
  const s = /^\d+-\d+$/.test(slug) ? slug.replace('-', ' to ') : slug.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function flagWords(flag: unknown): string {
  if (flag && typeof flag === 'object' && 'process' in flag)
    return String((flag as { process: unknown }).process);
  return 'Flagged';
}

const SUBJECT_WORDS: Record<string, string> = {
  victim: 'Victim',
  perpetrator: 'Perpetrator',
  child: 'Child',
  'other-at-risk': 'Other person at risk',
};

const EQUALITY_WORDS: Record<string, string> = {
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  ageBand: 'Age',
  sexualOrientation: 'Sexual orientation',
  disability: 'Disability',
  religion: 'Religion',
};

const CAMERA_WORDS: Record<string, string> = {
  'calling-roster': 'meeting bot',
  'call-record': 'Teams call record',
  attestation: 'confirmed by the chair',
  none: 'No camera evidence',
};
