import { scoreGroup, type ScoreGroup } from '../score.js';
import type { Metric } from './metric-scales.js';

/**
 * Which follow-up prompt an answer gets, on any metric's scale: NPS by its groups (0–6, 7–8, 9–10);
 * CSAT dissatisfied 1–2, neutral 3, satisfied 4–5; CES disagree 1–3, neutral 4, agree 5–7 (the
 * `detractor`, `passive` and `promoter` prompts of a survey's `followUp`).
 */
export function scaleFollowUpGroup(metric: Metric, score: number): ScoreGroup {
  if (metric === 'nps') return scoreGroup(score);
  const neutral = metric === 'csat' ? 3 : 4;
  return score < neutral ? 'detractor' : score === neutral ? 'passive' : 'promoter';
}
