import { describe, expect, it } from 'vitest';
import { themeDrivers, type ScoredAnswer } from '../../src/themes/theme-drivers.ts';

/** NPS of scores, written out from the definition. */
const nps = (scores: readonly number[]) => (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;

// Three detractor complaints, praise, a Dutch complaint, and many answers without a comment.
const ANSWERS: ScoredAnswer[] = [
  ...[1, 2, 3, 4, 5, 6, 9, 7].map((score, index) => ({ score, comment: index % 2 ? 'Slow deliveries, again' : 'Slow delivery, the parcel was late' })),
  ...[5, 9].map((score) => ({ score, comment: 'The delivery box was damaged' })),
  ...[0, 2, 4, 6, 8, 3].map((score) => ({ score, comment: 'Checkout kept failing on my card' })),
  ...[10, 9, 10, 9, 10, 8].map((score) => ({ score, comment: 'Friendly support staff, great!' })),
  ...[3, 4, 9, 2, 5].map((score) => ({ score, comment: 'Trage levering en de klantenservice reageerde niet', locale: 'nl-NL' })),
  ...[10, 9, 8, 7, 10, 10, 9, 3, 10, 9, 8, 10].map((score) => ({ score, comment: null })),
];

describe('drivers from answers', () => {
  const drivers = themeDrivers(ANSWERS);

  it('weighs each recurring theme against every answer, with or without a comment, as a hand count does', () => {
    // The second computation: which answers mention a theme, read off the comment text by hand.
    const mentions: Record<string, RegExp> = {
      'delivery': /deliver/i, 'slow delivery': /slow deliver/i, 'checkout kept failing on my card': /checkout kept failing/i,
      'friendly support staff': /friendly support/i, 'trage levering': /trage levering/i, 'klantenservice reageerde': /klantenservice reageerde/i,
    };
    expect(drivers.map((driver) => driver.theme).sort()).toEqual(Object.keys(mentions).sort());
    const all = ANSWERS.map((answer) => answer.score);
    for (const driver of drivers) {
      const mentioning = ANSWERS.filter((answer) => mentions[driver.theme].test(answer.comment ?? ''));
      const others = ANSWERS.filter((answer) => !mentions[driver.theme].test(answer.comment ?? ''));
      expect(driver.n).toBe(mentioning.length);
      expect(driver.nps).toBeCloseTo(nps(mentioning.map((answer) => answer.score)), 1);
      expect(driver.impact).toBeCloseTo(nps(all) - nps(others.map((answer) => answer.score)), 1);
      expect(driver.interval!.low).toBeLessThan(driver.interval!.high);
    }
  });

  it('sorts by how much each theme holds the score back', () => {
    const impacts = drivers.map((driver) => driver.impact!);
    expect(impacts).toEqual([...impacts].sort((a, b) => a - b));
    expect(drivers.map((driver) => driver.theme).slice(0, 3)).toEqual(['delivery', 'slow delivery', 'checkout kept failing on my card']);
    expect(drivers.at(-1)!.theme).toBe('friendly support staff');
  });

  it('takes the answers without a comment as counts just as well as listed', () => {
    const withoutComment = { promoters: 0, passives: 0, detractors: 0 };
    for (const answer of ANSWERS.filter((answer) => answer.comment === null)) withoutComment[answer.score >= 9 ? 'promoters' : answer.score >= 7 ? 'passives' : 'detractors']++;
    expect(themeDrivers(ANSWERS.filter((answer) => answer.comment !== null), { withoutComment })).toEqual(drivers);
  });

  it('needs a theme to recur in enough answers', () => {
    expect(themeDrivers(ANSWERS, { minMentions: 7 }).map((driver) => driver.theme)).toEqual(['delivery', 'slow delivery']);
    expect(themeDrivers(ANSWERS.filter((answer) => answer.comment === null))).toEqual([]);
  });
});
