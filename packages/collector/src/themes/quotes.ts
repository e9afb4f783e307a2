/**
 * Which comments to quote for a theme: the clearest, not the first. Clarity adds
 * up four things, highest first wins, the newer comment on a tie:
 * - length: 40–160 characters reads best (1); shorter scales down, longer fades out by 400;
 * - information: other theme words besides the theme's own, up to 6 (up to 0.5);
 * - the theme as written in it, not only its stem (0.25);
 * - shouting (mostly capitals) costs 1, and so does a link or e-mail address (neither clear nor safe to pass on).
 * A comment already quoted under another theme gives way to one that was not, and
 * the same text is never quoted twice.
 */

/** A comment that mentions the theme. */
export interface QuoteCandidate {
  text: string;
  /** Distinct theme words in the whole comment. */
  themeWords: number;
}

const BEST_LENGTH = { min: 40, max: 160, fadeOut: 400 };

function lengthFit(length: number): number {
  if (length < BEST_LENGTH.min) return length / BEST_LENGTH.min;
  if (length <= BEST_LENGTH.max) return 1;
  return Math.max(0, 1 - (length - BEST_LENGTH.max) / (BEST_LENGTH.fadeOut - BEST_LENGTH.max));
}

function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const capitals = text.match(/\p{Lu}/gu) ?? [];
  return letters.length >= 8 && capitals.length / letters.length >= 0.7;
}

/** How clear a comment is as a quote for a theme of `themeWords` words, written as `themeText`. */
export function quoteClarity(candidate: QuoteCandidate, themeText: string, themeWords: number): number {
  const text = candidate.text.trim();
  let score = lengthFit([...text].length);
  score += (0.5 * Math.min(6, Math.max(0, candidate.themeWords - themeWords))) / 6;
  if (text.toLowerCase().includes(themeText.toLowerCase())) score += 0.25;
  if (isShouting(text)) score -= 1;
  if (/https?:\/\/|www\.|\S@\S+\.\S/i.test(text)) score -= 1;
  return score;
}

/**
 * Up to `count` quotes from candidates given newest first; `shown` holds the
 * texts (trimmed, lower case) quoted under earlier themes, and the picks are added to it.
 */
export function pickQuotes(candidates: readonly QuoteCandidate[], theme: { text: string; words: number }, count: number, shown: Set<string>): string[] {
  const ranked = candidates
    .map((candidate, order) => ({ text: candidate.text, same: sameText(candidate.text), order, clarity: quoteClarity(candidate, theme.text, theme.words) }))
    .sort((a, b) => Number(shown.has(a.same)) - Number(shown.has(b.same)) || b.clarity - a.clarity || a.order - b.order);
  const picked = new Map<string, string>();
  for (const { text, same } of ranked) {
    if (picked.size >= count) break;
    if (!picked.has(same)) picked.set(same, text);
  }
  picked.forEach((_, same) => shown.add(same));
  return [...picked.values()];
}

/** Two comments are the same quote when they differ only in case or surrounding space. */
const sameText = (text: string) => text.trim().toLowerCase();
