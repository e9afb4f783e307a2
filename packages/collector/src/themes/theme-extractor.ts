/**
 * Recurring themes of comments: phrases matched by their words' stems, fragments
 * merged into the phrase they belong to, each shown as most people wrote it, with
 * counts per score group and the clearest quotes.
 */
import { npsFigure, type Mentions, type ScoreGroup, type Theme } from '@npsloop/core';
import { writtenAs, type CommentCorpus } from './comment-corpus.ts';
import { withoutFragments } from './phrases.ts';
import { pickQuotes } from './quotes.ts';

// The wire shapes of a theme live in @npsloop/core, shared with the dashboard.
export type { Mentions, Theme };

/** The themes of one group of comments. */
export interface ThemeReport {
  /** The comments read, all and per group. */
  comments: Mentions;
  /** Most mentioned by the asked group first. */
  themes: Theme[];
}

/** What to look for. */
export interface ThemeOptions {
  /** Rank by and quote from this group's comments only; null for all comments. */
  group?: ScoreGroup | null;
  /** At most this many themes. */
  limit?: number;
  /** A theme is mentioned by at least this many comments of the group. */
  minMentions?: number;
  /** Quotes per theme. */
  quotes?: number;
}

/** A ranked theme with the indexes of the comments that mention it. */
export interface IndexedTheme extends Theme {
  commentIndexes: readonly number[];
}

const GROUP_KEY = { detractor: 'detractors', passive: 'passives', promoter: 'promoters' } as const;

function mentionsOf(groups: readonly ScoreGroup[], indexes: Iterable<number>): Mentions {
  const mentions: Mentions = { all: 0, detractors: 0, passives: 0, promoters: 0 };
  for (const index of indexes) {
    mentions.all++;
    mentions[GROUP_KEY[groups[index]]]++;
  }
  return mentions;
}

/** Quotes are picked from the newest this many comments of the group mentioning a theme. */
export const QUOTE_CANDIDATES = 500;

/** The recurring themes of a group, ranked, with the comments mentioning each. */
export function rankThemes(corpus: CommentCorpus, options: ThemeOptions = {}): IndexedTheme[] {
  const { group = null, limit = 20, minMentions = 2, quotes = 2 } = options;
  const inGroup = (index: number) => group === null || corpus.groups[index] === group;
  const counted = new Map<string, number>();
  for (const [key, indexes] of corpus.mentionedBy) {
    const count = group === null ? indexes.length : indexes.filter(inGroup).length;
    if (count >= minMentions) counted.set(key, count);
  }
  const kept = withoutFragments(counted.keys(), (key) => counted.get(key) ?? 0, (key) => corpus.samples.get(key)!);
  const ranked = [...kept].sort((a, b) => counted.get(b)! - counted.get(a)! || corpus.samples.get(b)!.themeWords - corpus.samples.get(a)!.themeWords
    || corpus.mentionedBy.get(b)!.length - corpus.mentionedBy.get(a)!.length || a.localeCompare(b));
  const themes: IndexedTheme[] = [];
  const used = new Set<string>();
  const quoted = new Set<string>();
  for (const key of ranked) {
    if (themes.length >= limit) break;
    const commentIndexes = corpus.mentionedBy.get(key)!;
    const theme = writtenAs(corpus, key, commentIndexes);
    // Two stem sequences written the same way (rare, across languages) would read as one theme twice: the first stands.
    if (used.has(theme)) continue;
    used.add(theme);
    const words = corpus.samples.get(key)!.themeWords;
    const mentions = mentionsOf(corpus.groups, commentIndexes);
    const candidates = commentIndexes.filter(inGroup).slice(0, QUOTE_CANDIDATES).map((index) => ({ text: corpus.comments[index].comment, themeWords: corpus.read[index].themeWords }));
    themes.push({
      theme, words, mentions, commentIndexes,
      nps: npsFigure({ promoters: mentions.promoters, passives: mentions.passives, detractors: mentions.detractors }),
      quotes: quotes > 0 ? pickQuotes(candidates, { text: theme, words }, quotes, quoted) : [],
    });
  }
  return themes;
}

/** The themes of a group of comments, for people to read. */
export function findThemes(corpus: CommentCorpus, options: ThemeOptions = {}): ThemeReport {
  return {
    comments: mentionsOf(corpus.groups, corpus.groups.keys()),
    themes: rankThemes(corpus, options).map(({ commentIndexes: _indexes, ...theme }) => theme),
  };
}
