/** A tiny SVG of one figure with its interval on its metric's axis (NPS −100…+100, CSAT 0…100 %, CES 1…7). */
import { scoreOf } from '../figures.ts';
import { linearScale } from '../scales.ts';
import type { Metric, NpsFigure } from '../types.ts';

const WIDTH = 160;

/** Each metric's axis and its guide line (NPS 0, CSAT 50 %, CES the scale's middle, 4). */
export const METRIC_AXES: Record<Metric, { domain: [number, number]; guide: number }> = {
  nps: { domain: [-100, 100], guide: 0 },
  csat: { domain: [0, 100], guide: 50 },
  ces: { domain: [1, 7], guide: 4 },
};

/** Interval as a bar, the score as a tick (left out when there are too few answers for a score), a guide line; hidden from screen readers (the page has the numbers). */
export function IntervalBar(props: { figure: Pick<NpsFigure, 'interval'> & { metric?: Metric; nps?: number | null; score?: number | null }; showScore?: boolean }) {
  const axis = METRIC_AXES[props.figure.metric ?? 'nps'];
  const x = linearScale(axis.domain, [4, WIDTH - 4]);
  const { interval } = props.figure;
  const score = scoreOf(props.figure);
  return (
    <svg class="interval-bar" viewBox={`0 0 ${WIDTH} 16`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line class="axis" x1={x(axis.domain[0])} x2={x(axis.domain[1])} y1="8" y2="8" />
      <line class="grid zero" x1={x(axis.guide)} x2={x(axis.guide)} y1="0" y2="16" />
      {interval && <rect class="band" x={x(interval.low)} width={Math.max(1, x(interval.high) - x(interval.low))} y="4" height="8" rx="2" />}
      {score !== null && props.showScore !== false && <rect class="tick" x={x(score) - 1.5} width="3" y="1" height="14" />}
    </svg>
  );
}
