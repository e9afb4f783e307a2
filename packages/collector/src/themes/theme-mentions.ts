/** Whether a comment mentions a theme: the theme's words, stemmed as the comment's are, in a row within one clause. */
import { readComment } from './comment-words.ts';
import type { Language } from './languages.ts';

/** The theme as the run of word keys a comment must hold; empty when the theme has no words. */
function themeKeys(theme: string, language: Language): string[] {
  return readComment(theme, language, language).clauses.flat().map((word) => word.key);
}

/**
 * A test for comments (with their locale) that mention `theme`: its words in the same order, each matched by stem,
 * inside one clause ("slow delivery" is in "two slow deliveries", not in "delivery was slow"). The theme is read in
 * `language`, the survey's; each comment in its own.
 */
export function themeMatcher(theme: string, language: Language): (comment: string, locale: string | null) => boolean {
  const keys = themeKeys(theme, language);
  return (comment, locale) => {
    if (keys.length === 0) return false;
    for (const clause of readComment(comment, locale, language).clauses) {
      for (let first = 0; first + keys.length <= clause.length; first++) {
        if (keys.every((key, offset) => clause[first + offset].key === key)) return true;
      }
    }
    return false;
  };
}
