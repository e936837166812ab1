import { prepare, tokenise } from './normalise.js';

/** Words that introduce who a meeting is about ("Emergency MARAC re Smith"). */
const CUES = new Set(['re', 'regarding', 'concerning', 'about', 'for']);
/** What may follow "for"/"re" in a title: the MARAC, an area, a session. */
const ALLOWED_AFTER = new Set(
  'marac the a an this our all area case cases meeting session review extra emergency extraordinary closed urgent'.split(
    ' ',
  ),
);

/**
 * A meeting title is written before its cases are listed, so a person new to the area cannot
 * be matched by name. A capitalised word after "re", "regarding", "concerning" or "about"
 * (and after "for", unless the title is "for" an area) is read as a name: titles say which
 * MARAC, never whom it is about. Returns the 1-based word number, or null.
 */
export function nameAfterCue(title: string, areaWords: readonly string[] = []): number | null {
  const tokens = tokenise(prepare(title));
  const allowed = new Set([...ALLOWED_AFTER, ...areaWords.map((w) => w.toLowerCase())]);
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const cue = tokens[i]!;
    const next = tokens[i + 1]!;
    if (!CUES.has(cue.key) || allowed.has(next.key) || /^\d/.test(next.key)) continue;
    if (/^\p{Lu}/u.test(next.raw) || cue.key !== 'for') return i + 2;
  }
  return null;
}
