/**
 * FR-130: the chair is prompted to offer a break once the meeting has run the area's
 * `breakPromptMinutes` without one. A pause of at least BREAK_GAP_MINUTES between closing one
 * case and starting the next counts as a break, as does the time before the first case.
 */
export const BREAK_GAP_MINUTES = 5;

export interface BreakPrompt {
  /** When the current stretch without a break began. */
  since: Date;
  /** Whole minutes since then. */
  minutes: number;
}

export function breakPrompt(
  meeting: { status: string; actualStart: Date | null },
  agenda: readonly { actualStart: Date | null; actualEnd: Date | null }[],
  promptAfterMinutes: number,
  now: Date,
): BreakPrompt | null {
  if (meeting.status !== 'in-progress' || !meeting.actualStart) return null;
  const gapMs = BREAK_GAP_MINUTES * 60_000;
  const started = agenda
    .filter((i): i is { actualStart: Date; actualEnd: Date | null } => i.actualStart !== null)
    .filter((i) => i.actualStart.getTime() <= now.getTime())
    .sort((a, b) => a.actualStart.getTime() - b.actualStart.getTime());
  let since = meeting.actualStart;
  let lastEnd: Date | null = null;
  for (const item of started) {
    if (lastEnd && item.actualStart.getTime() - lastEnd.getTime() >= gapMs)
      since = item.actualStart;
    lastEnd = item.actualEnd;
  }
  const last = started.at(-1);
  // Between cases for a while already: that is the break.
  if (last?.actualEnd && now.getTime() - last.actualEnd.getTime() >= gapMs) return null;
  const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
  return minutes >= promptAfterMinutes ? { since, minutes } : null;
}
