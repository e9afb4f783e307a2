/**
 * Candidate phrases of a comment and the rule that merges fragments into the
 * phrase they belong to. A phrase is a run of one clause that starts and ends on
 * a theme word, holds at most MAX_THEME_WORDS of them and never more than
 * MAX_GLUE_RUN glue words in a row ("support never answered", "solved it in minutes").
 */
import type { CommentWord } from './comment-words.ts';

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

/**
 * Calls `visit` with every phrase within words `from`..`to` of a clause (all of
 * it by default), each start's phrases shortest first. A callback, not a
 * generator: it runs for every word of every comment.
 */
export function eachPhrase(clause: readonly CommentWord[], visit: (first: number, last: number, themeWords: number) => void, from = 0, to = clause.length - 1): void {
  for (let first = from; first <= to; first++) {
    if (!clause[first].themeWord) continue;
    let themeWords = 0;
    let glueRun = 0;
    for (let last = first; last <= to; last++) {
      if (clause[last].themeWord) {
        if (++themeWords > MAX_THEME_WORDS) break;
        glueRun = 0;
        visit(first, last, themeWords);
      } else if (++glueRun > MAX_GLUE_RUN) break;
    }
  }
}

/** A phrase's key: its words' keys joined by spaces. */
export function phraseKey(clause: readonly CommentWord[], first: number, last: number): string {
  return clause.slice(first, last + 1).map((word) => word.key).join(' ');
}

/** The keys of the phrases inside an occurrence, itself left out: its fragments. */
export function fragmentsOf(occurrence: PhraseOccurrence): string[] {
  const fragments: string[] = [];
  eachPhrase(occurrence.clause, (first, last) => {
    if (first !== occurrence.first || last !== occurrence.last) fragments.push(phraseKey(occurrence.clause, first, last));
  }, occurrence.first, occurrence.last);
  return fragments;
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
      if (count(fragment) === mentions) kept.delete(fragment);
    }
  }
  return kept;
}

/** The phrase as it was written: the comment's text from its first to its last word, spaces tidied, lower case but for acronyms and "I" ("DHL"). */
export function phraseText(text: string, occurrence: PhraseOccurrence): string {
  const written = text.slice(occurrence.clause[occurrence.first].start, occurrence.clause[occurrence.last].end);
  return written.replace(/\s+/g, ' ').replace(/[\p{L}\p{M}\p{N}'’-]+/gu, (word) => (/^\p{Lu}{1,5}$/u.test(word) ? word : word.toLowerCase()));
}
