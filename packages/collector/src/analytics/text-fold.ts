/** Folding text for matching: case and accents removed, split into words (any script). */

/** Lower-cases and strips diacritics: "Café Über" → "cafe uber". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The folded words of a text: runs of letters and digits, apostrophes inside words kept out. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A safe FTS5 MATCH expression for free text: every word must occur, the last
 * one as a prefix; null without words. Words stay unfolded: the index's
 * tokenizer folds query and comments alike.
 */
export function ftsQuery(text: string): string | null {
  const words = (text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(0, 16);
  if (words.length === 0) return null;
  return words.map((word, index) => `"${word}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}
