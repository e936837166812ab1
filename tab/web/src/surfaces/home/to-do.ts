/**
 * What needs doing now, worked out from what the tab API already lists: case lists coming due,
 * meetings today, overdue actions and agencies waiting for approval. Pure, so it is tested
 * without a browser; `today` is the area's local day (yyyy-mm-dd).
 */
export interface ToDo {
  key: string;
  text: string;
  to: string;
  /** Overdue or urgent: shown first, as a warning. */
  urgent: boolean;
}

interface MeetingLike {
  id: string;
  title: string;
  status: string;
  scheduledStart: string;
  scheduledEnd: string;
  circulationDueOn: string | null;
  circulatedAt: string | null;
}

interface ActionLike {
  state: string;
  overdue: boolean;
}

interface AgencyLike {
  id: string;
  name: string;
  membershipStatus?: string;
}

/** Whole days from `from` to `to` (both yyyy-mm-dd). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

export function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The area's local day of an instant. */
export function localDay(at: Date, timeZone: string): string {
  return at.toLocaleDateString('en-CA', { timeZone }); // en-CA writes yyyy-mm-dd
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function coordinatorToDo(input: {
  today: string;
  timeZone: string;
  now: Date;
  meetings: MeetingLike[];
  actions: ActionLike[];
  agencies: AgencyLike[];
}): ToDo[] {
  const todo: ToDo[] = [];
  const upcoming = input.meetings
    .filter((m) => m.status !== 'cancelled' && Date.parse(m.scheduledEnd) > input.now.getTime())
    .sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
  for (const m of upcoming) {
    const day = localDay(new Date(m.scheduledStart), input.timeZone);
    const to = `/coordinator/meetings/${m.id}`;
    if (day === input.today)
      todo.push({ key: `today:${m.id}`, text: `${m.title} is today`, to, urgent: true });
    if (!m.circulatedAt && m.circulationDueOn) {
      const days = daysBetween(input.today, m.circulationDueOn);
      if (days < 0)
        todo.push({
          key: `late:${m.id}`,
          text: `Case list for ${m.title} was due ${inDays(days)}: not circulated yet`,
          to,
          urgent: true,
        });
      else if (days <= 14)
        todo.push({
          key: `due:${m.id}`,
          text: `Case list for ${m.title} due ${inDays(days)}`,
          to,
          urgent: days <= 2,
        });
    }
  }
  const overdue = input.actions.filter((a) => a.overdue && a.state === 'open').length;
  if (overdue > 0)
    todo.push({
      key: 'overdue',
      text: `${plural(overdue, 'action', 'actions')} overdue`,
      to: '/coordinator/actions',
      urgent: true,
    });
  for (const agency of input.agencies.filter((a) => a.membershipStatus === 'applied'))
    todo.push({
      key: `agency:${agency.id}`,
      text: `${agency.name} awaiting approval`,
      to: '/coordinator/area',
      urgent: false,
    });
  return [...todo.filter((t) => t.urgent), ...todo.filter((t) => !t.urgent)];
}
