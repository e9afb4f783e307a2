/** Top themes of a group's comments, each with a few quotes, using the analytics theme counter. */
import { scoreGroup, type ScoreGroup } from '@npsloop/core';
import { commentTerms, ThemeCounter } from '../analytics/themes.ts';

/** One theme for the huddle: the term, how many comments mention it, and up to `quotes` of them (newest first). */
export interface HuddleTheme {
  term: string;
  count: number;
  quotes: string[];
}

/** The top `limit` themes of one group's comments (comments newest first), with quotes. */
export function huddleThemes(comments: readonly { score: number; comment: string }[], group: ScoreGroup, limit = 3, quotes = 2): HuddleTheme[] {
  const counter = new ThemeCounter(group);
  const inGroup = comments.filter((row) => scoreGroup(row.score) === group);
  for (const row of inGroup) counter.add(row);
  const used = new Set<string>();
  return counter.top(limit).map((theme) => {
    const picked: string[] = [];
    // Prefer quotes not already shown under another theme.
    for (const pass of [false, true]) {
      for (const row of inGroup) {
        if (picked.length >= quotes) break;
        if (picked.includes(row.comment) || (!pass && used.has(row.comment)) || !commentTerms(row.comment).has(theme.term)) continue;
        picked.push(row.comment);
      }
    }
    picked.forEach((quote) => used.add(quote));
    return { term: theme.term, count: theme.count, quotes: picked };
  });
}
