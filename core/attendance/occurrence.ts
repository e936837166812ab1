/**
 * Which of our meetings a Teams event belongs to. Every occurrence of a recurring Teams meeting
 * shares one chat thread and one `channelData.meeting.id` (Teams' "Get meeting details" gives the
 * series one id and one join link), so neither tells occurrences apart: the time does. A meeting
 * running now wins (an end or a late join after the scheduled end), then the occurrence whose
 * scheduled window holds the time, then the nearest one.
 */
export interface OccurrenceCandidate {
  id: string;
  status: string;
  scheduledStart: Date;
  scheduledEnd: Date;
  actualStart: Date | null;
  actualEnd: Date | null;
}

/** A meeting still "in progress" this long after it started lost its end event: not running. */
const RUNNING_AT_MOST_MS = 12 * 3600_000;
/** People join a little before the start; the start event may be stamped just before ours. */
const EARLY_MS = 3600_000;

export function pickOccurrence<T extends OccurrenceCandidate>(
  candidates: readonly T[],
  at: Date,
): T | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const t = at.getTime();
  const running = candidates
    .filter(
      (c) =>
        c.status === 'in-progress' &&
        c.actualStart !== null &&
        !c.actualEnd &&
        t >= c.actualStart.getTime() - EARLY_MS &&
        t - c.actualStart.getTime() <= RUNNING_AT_MOST_MS,
    )
    .sort((a, b) => (b.actualStart as Date).getTime() - (a.actualStart as Date).getTime());
  if (running[0]) return running[0];
  const distance = (c: T) => {
    const start = c.scheduledStart.getTime();
    const end = c.scheduledEnd.getTime();
    return t < start ? start - t : t > end ? t - end : 0;
  };
  // A cancelled occurrence is never run by Teams: only when nothing else matches.
  const rank = (c: T) => (c.status === 'cancelled' ? 1 : 0);
  return [...candidates].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      distance(a) - distance(b) ||
      a.scheduledStart.getTime() - b.scheduledStart.getTime(),
  )[0] as T;
}
