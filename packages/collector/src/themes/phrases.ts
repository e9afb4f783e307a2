/**
 * Candidate phrases of a comment and the rule that merges fragments into the
 * phrase they belong to. A phrase is a run of one clause that starts and ends on
 * a theme word, holds at most MAX_THEME_WORDS of them and never more than
 * MAX_GLUE_RUN glue words in a row ("support never answered", "solved it in minutes").
 */
import type { CommentWord, ReadComment } from './comment-words.ts';

/** A phrase holds at most this many theme words. */
export const MAX_THEME_WORDS = 4;
/** Glue words in a row inside a phrase, at most. */
export const MAX_GLUE_RUN = 2;

/** One place a phrase occurs. */
export interface PhraseOccurrence {
  /** The phrase's identity: its words' keys (stems for theme words) joined by spaces. */
  key: string;
  themeWords: number;
  clause: readonly CommentWord[];
  /** Index of the first and last word in the clause. */
  first: number;
  last: number;
}

/** Every phrase occurrence within words `from`..`to` of a clause (all of it by default). */
export function* clausePhrases(clause: readonly CommentWord[], from = 0, to = clause.length - 1): Generator<PhraseOccurrence> {
  for (let first = from; first <= to; first++) {
    if (!clause[first].themeWord) continue;
    let themeWords = 0;
    let glueRun = 0;
    let key = '';
    for (let last = first; last <= to; last++) {
      const word = clause[last];
      if (word.themeWord) {
        themeWords++;
        glueRun = 0;
      } else if (++glueRun > MAX_GLUE_RUN) break;
      if (themeWords > MAX_THEME_WORDS) break;
      key = last === first ? word.key : `${key} ${word.key}`;
      if (word.themeWord) yield { key, themeWords, clause, first, last };
    }
  }
}

/** Every phrase occurrence in a comment. */
export function* commentPhrases(comment: ReadComment): Generator<PhraseOccurrence> {
  for (const clause of comment.clauses) yield* clausePhrases(clause);
}

/** The phrases inside an occurrence, itself left out: its fragments. */
export function* fragmentsOf(occurrence: PhraseOccurrence): Generator<PhraseOccurrence> {
  for (const inner of clausePhrases(occurrence.clause, occurrence.first, occurrence.last)) {
    if (inner.first !== occurrence.first || inner.last !== occurrence.last) yield inner;
  }
}

/**
 * The phrases to keep among the recurring ones: a fragment is dropped when a
 * longer recurring phrase containing it is mentioned by exactly as many of the
 * counted comments, which means by the same comments ("checkout kept" and
 * "kept failing" go into "checkout kept failing"). `count` gives a key's
 * number of counted comments; `sample` one occurrence of a key.
 */
export function withoutFragments(keys: Iterable<string>, count: (key: string) => number, sample: (key: string) => PhraseOccurrence): Set<string> {
  const kept = new Set(keys);
  for (const key of [...kept]) {
    const mentions = count(key);
    for (const fragment of fragmentsOf(sample(key))) {
      if (count(fragment.key) === mentions) kept.delete(fragment.key);
    }
  }
  return kept;
}

/** The phrase as it was written: the comment's text from its first to its last word, spaces tidied, lower case but for acronyms and "I" ("DHL"). */
export function phraseText(text: string, occurrence: PhraseOccurrence): string {
  const written = text.slice(occurrence.clause[occurrence.first].start, occurrence.clause[occurrence.last].end);
  return written.replace(/\s+/g, ' ').replace(/[\p{L}\p{M}\p{N}'’-]+/gu, (word) => (/^\p{Lu}{1,5}$/u.test(word) ? word : word.toLowerCase()));
}
