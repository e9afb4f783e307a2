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
 * The words of a search text (letters, marks and digits; at most 16): every one must occur in a comment,
 * the last one as a prefix. Unfolded: the comment index folds queries and comments alike.
 */
export function searchWords(text: string): string[] {
  return (text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(0, 16);
}
