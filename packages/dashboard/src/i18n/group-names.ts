/** The names of a scale's three answer groups: the API calls them detractor/passive/promoter on every scale, the viewer reads the scale's own. */
import type { Group, Metric } from '../types.ts';
import type { Messages } from './messages.ts';

/** Each group's name on `metric`'s scale: CSAT dissatisfied/neutral/satisfied, CES disagree/neutral/agree, NPS `npsNames` (with or without ranges). */
export function groupNamesOf(t: Messages, metric: Metric, npsNames: Record<Group, string>): Record<Group, string> {
  const names = t.metric.groupNames;
  if (metric === 'csat') return { detractor: names.dissatisfied, passive: names.neutral, promoter: names.satisfied };
  if (metric === 'ces') return { detractor: names.disagree, passive: names.neutral, promoter: names.agree };
  return npsNames;
}
