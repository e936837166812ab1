import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Minutes, MinutesAction } from '../../../core/minutes/minutes.js';

/**
 * The minutes as a Word document (FR-084, FR-085): the §3.9 checklist sections, with the MARAC
 * name, "CONFIDENTIAL" and "Page N of M" (Word PAGE / NUMPAGES fields) in the header and footer
 * of every page.
 */
export async function minutesDocx(m: Minutes, watermark: string): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const h = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ heading: level, children: [new TextRun(text)] });
  const table = (head: string[], rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [head, ...rows].map(
        (cells, r) =>
          new TableRow({
            tableHeader: r === 0,
            children: cells.map(
              (c) =>
                new TableCell({
                  children: [
                    new Paragraph({ children: [new TextRun({ text: c, bold: r === 0 })] }),
                  ],
                }),
            ),
          }),
      ),
    });
  const actionRows = (list: MinutesAction[]) =>
    list.map((a) => [
      a.reference,
      a.caseReference,
      a.agency + (a.partners.length ? ` (joint with ${a.partners.join(', ')})` : ''),
      a.description,
      `${a.dueOn}${a.dueOverridden ? ' (set by the chair)' : ''}`,
      a.state === 'not-achievable'
        ? `not achievable: ${a.notAchievableReason ?? ''}`
        : a.overdue
          ? 'overdue'
          : a.state,
    ]);
  const ACTION_HEAD = ['Action', 'Case', 'Agency', 'Action agreed', 'Due', 'Status'];
  const info = m.meetingInformation;
  const children: (Paragraph | Table)[] = [
    h(`${m.maracName}: minutes and action plan`, HeadingLevel.TITLE),
    h('1. Meeting information', HeadingLevel.HEADING_1),
    p(
      `Date: ${m.meeting.date}, ${m.meeting.start} to ${m.meeting.end}. Chair: ${m.meeting.chair ?? 'not recorded'}.`,
    ),
    h('Attendees', HeadingLevel.HEADING_2),
    info.attendees.length
      ? table(
          ['Name', 'Agency', 'Job title', 'Attended as'],
          info.attendees.map((a) => [a.name, a.agency ?? '', a.jobTitle ?? '', a.attendedAs]),
        )
      : p('Attendance has not been reconciled yet.'),
    h('Observers', HeadingLevel.HEADING_2),
    p(info.observers.map((o) => o.name).join(', ') || 'None.'),
    h('Apologies', HeadingLevel.HEADING_2),
    p(
      info.apologies
        .map(
          (a) =>
            `${a.agency}${a.deputy ? ` (deputy: ${a.deputy})` : ''}${a.writtenSubmission ? ', written submission' : ''}`,
        )
        .join('; ') || 'None.',
    ),
    h('2. Confidentiality statement', HeadingLevel.HEADING_1),
    p(m.confidentialityStatement),
    h('3. Actions from previous MARACs still outstanding', HeadingLevel.HEADING_1),
    m.outstandingActions.length ? table(ACTION_HEAD, actionRows(m.outstandingActions)) : p('None.'),
    h('4. Cases', HeadingLevel.HEADING_1),
  ];
  for (const c of m.cases) {
    const b = c.beforeMeeting;
    const d = c.duringMeeting;
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        pageBreakBefore: true,
        children: [
          new TextRun(
            `Case ${c.position}: ${c.caseNumber}${c.closedSession ? ' (closed session)' : ''}`,
          ),
        ],
      }),
      h('Before the meeting', HeadingLevel.HEADING_3),
      table(
        ['Who', 'Name', 'Date of birth', 'Address'],
        b.subjects.map((s) => [s.kind, s.fullName, s.dateOfBirth ?? '', s.address ?? '']),
      ),
      p(
        `Referring agency: ${b.referringAgency ?? 'not recorded'}. Victim aware of referral: ${yesNo(b.victimAwareOfReferral)}.`,
      ),
      p(
        `Repeat: ${b.repeat.isRepeat ? `yes, ${b.repeat.timesInLast12Months} time(s) in the last 12 months, last heard ${b.repeat.lastHeardOn ?? 'unknown'}` : 'no'}. Referral basis: ${b.referralBasis ?? 'not recorded'}.`,
      ),
      ...b.keyInformation.map((k) =>
        p(`Key information (${k.kind}, source: ${k.source ?? 'not recorded'}): ${k.text}`),
      ),
      h('During the meeting', HeadingLevel.HEADING_3),
      p(
        `Incident date: ${d.incidentOn ?? 'not recorded'}. Up-to-date information direct from the victim: ${yesNo(d.victimViewsDirect)}. Feedback to the victim assigned: ${d.victimFeedbackAssigned ? 'yes' : 'no'}. Flags to other processes: ${d.processFlags.length}.`,
      ),
      h('Actions agreed', HeadingLevel.HEADING_3),
      c.actions.length ? table(ACTION_HEAD, actionRows(c.actions)) : p('No actions.'),
    );
  }
  const doc = new Document({
    creator: m.maracName,
    title: `${m.maracName} minutes ${m.meeting.date}`,
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${m.maracName}: CONFIDENTIAL. ${watermark}`, bold: true }),
                ],
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
                  new TextRun(`${m.footer.maracName}, ${m.meeting.date}. Page `),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                  new TextRun(' of '),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const yesNo = (v: boolean | null) => (v === null ? 'not recorded' : v ? 'yes' : 'no');
