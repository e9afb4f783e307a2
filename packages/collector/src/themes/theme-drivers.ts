/** Key drivers straight from answers: finds the recurring themes of their comments, then weighs each against all answers. */
import type { GroupCounts } from '@npsloop/core';
import { readComments } from './comment-corpus.ts';
import { keyDrivers, type Driver } from './key-drivers.ts';
import type { Language } from './languages.ts';
import { rankThemes } from './theme-extractor.ts';

/** An answer in the filter, with or without a comment. */
export interface ScoredAnswer {
  score: number;
  comment: string | null;
  locale?: string | null;
}

/** How drivers are found. */
export interface DriverOptions {
  /** The most mentioned themes weighed, at most (default 20). */
  themes?: number;
  /** A theme counts as a driver from this many mentioning answers (default 5). */
  minMentions?: number;
  /** Assumed where an answer's locale is missing and its words do not tell. */
  language?: Language;
  /** The filter's answers without a comment as group counts, when they are not in `answers`. */
  withoutComment?: GroupCounts;
}

/**
 * The drivers of the score among `answers` (every answer in the filter, or those
 * with a comment plus `withoutComment`: answers without one count in the NPS of
 * all and of those not mentioning a theme),
 * for the most mentioned themes of all their comments, worst first.
 */
export function themeDrivers(answers: readonly ScoredAnswer[], options: DriverOptions = {}): Driver[] {
  const minMentions = options.minMentions ?? 5;
  const commented = answers.flatMap((answer, index) => (answer.comment ? [{ index, score: answer.score, comment: answer.comment, locale: answer.locale }] : []));
  const corpus = readComments(commented, { language: options.language });
  const themesOf: string[][] = answers.map(() => []);
  for (const theme of rankThemes(corpus, { limit: options.themes ?? 20, minMentions, quotes: 0 })) {
    for (const commentIndex of theme.commentIndexes) themesOf[commented[commentIndex].index].push(theme.theme);
  }
  return keyDrivers(answers.map((answer, index) => ({ score: answer.score, themes: themesOf[index] })), { minMentions, withoutComment: options.withoutComment });
}
