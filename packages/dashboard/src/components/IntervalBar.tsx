/** A tiny SVG of one NPS with its interval on the −100…+100 axis. */
import type { NpsFigure } from '@npsloop/core';
import { linearScale } from '../scales.ts';

const WIDTH = 160;

/** Interval as a bar, the NPS as a tick (left out when there are too few answers for a score), zero as a guide line; hidden from screen readers (the table has the numbers). */
export function IntervalBar(props: { figure: NpsFigure; showScore?: boolean }) {
  const x = linearScale([-100, 100], [4, WIDTH - 4]);
  const { interval, nps } = props.figure;
  return (
    <svg class="interval-bar" viewBox={`0 0 ${WIDTH} 16`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line class="axis" x1={x(-100)} x2={x(100)} y1="8" y2="8" />
      <line class="grid zero" x1={x(0)} x2={x(0)} y1="0" y2="16" />
      {interval && <rect class="band" x={x(interval.low)} width={Math.max(1, x(interval.high) - x(interval.low))} y="4" height="8" rx="2" />}
      {nps !== null && props.showScore !== false && <rect class="tick" x={x(nps) - 1.5} width="3" y="1" height="14" />}
    </svg>
  );
}
