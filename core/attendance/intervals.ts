/**
 * Interval algebra over instants (ms since epoch), half-open [start, end). Attendance and
 * camera evidence arrive from several sources that overlap; these keep "no double counting".
 */
export interface Span {
  start: number;
  end: number;
}

/** Sorted, non-overlapping union of `spans` (touching spans are joined). */
export function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** Intersection of two unions (each sorted and non-overlapping). */
export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Span;
    const y = b[j] as Span;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** Parts of union `a` not covered by union `b`. */
export function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of a) {
    let pieces: Span[] = [{ ...span }];
    for (const cut of b) {
      pieces = pieces.flatMap((p) => {
        if (cut.end <= p.start || cut.start >= p.end) return [p];
        const left = cut.start > p.start ? [{ start: p.start, end: cut.start }] : [];
        const right = cut.end < p.end ? [{ start: cut.end, end: p.end }] : [];
        return [...left, ...right];
      });
    }
    out.push(...pieces);
  }
  return out;
}

/** Parts of `spans` inside `window`. */
export function clip(spans: readonly Span[], window: Span): Span[] {
  return intersect(union(spans), [window]);
}

export function totalMs(spans: readonly Span[]): number {
  return spans.reduce((sum, s) => sum + (s.end - s.start), 0);
}
