/** The 0–10 score distribution as SVG bars coloured by group. */
import { scoreGroup } from '@npsloop/core';
import { linearScale } from '../scales.ts';

const WIDTH = 440;
const HEIGHT = 180;
const BOTTOM = 22;
const TOP = 16;

/** Eleven bars, one per score, with counts; a table-like label for screen readers. */
export function Distribution(props: { counts: readonly number[] }) {
  const max = Math.max(1, ...props.counts);
  const y = linearScale([0, max], [HEIGHT - BOTTOM, TOP]);
  const band = WIDTH / 11;
  const label = props.counts.map((count, score) => `${score}: ${count}`).join(', ');
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Answers per score, ${label}`}>
      {props.counts.map((count, score) => (
        <g key={score}>
          <rect class={`bar ${scoreGroup(score)}`} x={score * band + 4} width={band - 8} y={y(count)} height={HEIGHT - BOTTOM - y(count)} rx="2" />
          <text class="axis-label" x={score * band + band / 2} y={HEIGHT - 6} text-anchor="middle">{score}</text>
          <text class="bar-label" x={score * band + band / 2} y={y(count) - 4} text-anchor="middle">{count}</text>
        </g>
      ))}
    </svg>
  );
}
