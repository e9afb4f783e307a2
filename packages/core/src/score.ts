/** The three NPS groups a 0–10 score falls into. */
export type ScoreGroup = 'detractor' | 'passive' | 'promoter';

/** True for an integer from 0 to 10. */
export function isValidScore(score: unknown): score is number {
  return Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 10;
}

/** Promoters score 9–10, passives 7–8, detractors 0–6. */
export function scoreGroup(score: number): ScoreGroup {
  if (!isValidScore(score)) throw new RangeError(`score must be an integer from 0 to 10, got ${score}`);
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}
