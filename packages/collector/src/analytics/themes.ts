/** Recurring words and two-word phrases in comments, with how often they come up and the NPS of those who use them. */
import { npsFigure, type GroupCounts, type ScoreGroup, scoreGroup } from '@npsloop/core';
import { isStopWord } from './stop-words.ts';
import { foldedWords } from './text-fold.ts';

/** One comment with its score. */
export interface ScoredComment {
  score: number;
  comment: string;
}

/** Per-term tallies: comments of the asked group that mention it, and all mentioning comments by group. */
interface Tally {
  inGroup: number;
  groups: GroupCounts;
}

const GROUP_KEY: Record<ScoreGroup, keyof GroupCounts> = { detractor: 'detractors', passive: 'passives', promoter: 'promoters' };

/** The distinct terms of a comment: content words, and phrases of two adjacent content words in the same clause. */
export function commentTerms(comment: string): Set<string> {
  const terms = new Set<string>();
  for (const clause of comment.split(/[.,;:!?()[\]{}"“”«»…\r\n\t]+|\s[-–—]\s/)) {
    let previous: string | null = null;
    for (const word of foldedWords(clause)) {
      if (isStopWord(word)) {
        previous = null;
        continue;
      }
      terms.add(word);
      if (previous) terms.add(`${previous} ${word}`);
      previous = word;
    }
  }
  return terms;
}

/** Counts terms over comments as they stream by, then ranks them. */
export class ThemeCounter {
  private readonly tallies = new Map<string, Tally>();
  private groupComments = 0;

  constructor(private readonly group: ScoreGroup | null) {}

  /** Adds one comment. */
  add({ score, comment }: ScoredComment): void {
    const group = scoreGroup(score);
    const inGroup = this.group === null || this.group === group;
    if (inGroup) this.groupComments++;
    for (const term of commentTerms(comment)) {
      let tally = this.tallies.get(term);
      if (!tally) {
        tally = { inGroup: 0, groups: { promoters: 0, passives: 0, detractors: 0 } };
        this.tallies.set(term, tally);
      }
      if (inGroup) tally.inGroup++;
      tally.groups[GROUP_KEY[group]]++;
    }
  }

  /**
   * The top terms by mentions in the group (at least two), phrases before the
   * single words they fully account for; each with its share of the group's
   * comments and the NPS figure of every comment mentioning it.
   */
  top(limit = 20) {
    const recurring = [...this.tallies.entries()].filter(([, tally]) => tally.inGroup >= 2);
    // A word is left out when a phrase containing it has exactly its count: the phrase says more.
    const phraseCountsByWord = new Map<string, Set<number>>();
    for (const [term, tally] of recurring) {
      if (!term.includes(' ')) continue;
      for (const word of term.split(' ')) (phraseCountsByWord.get(word) ?? phraseCountsByWord.set(word, new Set()).get(word)!).add(tally.inGroup);
    }
    const subsumed = (word: string, count: number) => phraseCountsByWord.get(word)?.has(count) ?? false;
    return recurring
      .filter(([term, tally]) => term.includes(' ') || !subsumed(term, tally.inGroup))
      .sort(([termA, a], [termB, b]) => b.inGroup - a.inGroup || termB.split(' ').length - termA.split(' ').length || termA.localeCompare(termB))
      .slice(0, limit)
      .map(([term, tally]) => ({
        term,
        kind: term.includes(' ') ? ('phrase' as const) : ('word' as const),
        count: tally.inGroup,
        share: Math.round((tally.inGroup / this.groupComments) * 10_000) / 10_000,
        ...npsFigure(tally.groups),
      }));
  }

  /** How many comments of the group were read. */
  get comments(): number {
    return this.groupComments;
  }
}
