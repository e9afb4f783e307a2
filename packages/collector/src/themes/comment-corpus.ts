/** Comments read once for themes: each comment's language, clauses and words, and which comments mention each phrase. */
import { scaleFollowUpGroup, type Metric, type ScoreGroup } from '@npsloop/core';
import { readComment, type ReadComment } from './comment-words.ts';
import type { Language } from './languages.ts';
import { PhraseTally } from './phrase-tally.ts';
import { phraseText, type PhraseOccurrence } from './phrases.ts';

/** One comment with its score and, when known, the locale it was written in. */
export interface ThemeComment {
  score: number;
  comment: string;
  locale?: string | null;
}

/** Comments read once, to ask for themes per group. */
export interface CommentCorpus {
  /** The scale the scores are on; groups are that scale's (NPS 0–6/7–8/9–10, CSAT 1–2/3/4–5, CES 1–3/4/5–7). */
  metric: Metric;
  comments: readonly ThemeComment[];
  read: readonly ReadComment[];
  groups: readonly ScoreGroup[];
  /** Per phrase key, the indexes of the comments that mention it, ascending. */
  mentionedBy: ReadonlyMap<string, readonly number[]>;
  /** Per phrase key, one place it occurs. */
  samples: ReadonlyMap<string, PhraseOccurrence>;
}

/**
 * Reads comments (newest first, so ties in quotes go to the newest); `language` is assumed where a comment's locale is
 * missing and its words do not tell; `metric` (default NPS) is the scale of the scores, which sets each comment's group.
 */
export function readComments(comments: readonly ThemeComment[], options: { language?: Language; metric?: Metric } = {}): CommentCorpus {
  const metric = options.metric ?? 'nps';
  const tally = new PhraseTally();
  const read = comments.map((row, index) => {
    const comment = readComment(row.comment, row.locale, options.language ?? 'en');
    for (const clause of comment.clauses) tally.add(clause, index);
    return comment;
  });
  const { mentionedBy, samples } = tally.phrases();
  return { metric, comments, read, groups: comments.map((row) => scaleFollowUpGroup(metric, row.score)), mentionedBy, samples };
}

/** The way a phrase is shown is read from the newest this many comments mentioning it. */
export const WRITTEN_AS_SAMPLE = 200;
/** The most frequent way a phrase was written in the (newest WRITTEN_AS_SAMPLE) comments that mention it; the first seen on a tie. */
export function writtenAs(corpus: CommentCorpus, key: string, indexes: readonly number[]): string {
  const words = key.split(' ');
  const tally = new Map<string, number>();
  for (const index of indexes.slice(0, WRITTEN_AS_SAMPLE)) {
    const comment = corpus.read[index];
    for (const clause of comment.clauses) {
      for (let first = 0; first + words.length <= clause.length; first++) {
        if (!words.every((word, offset) => clause[first + offset].key === word)) continue;
        const text = phraseText(comment.text, { key, themeWords: 0, clause, first, last: first + words.length - 1 });
        tally.set(text, (tally.get(text) ?? 0) + 1);
      }
    }
  }
  let best = '';
  for (const [text, count] of tally) if (count > (tally.get(best) ?? 0)) best = text;
  return best;
}
