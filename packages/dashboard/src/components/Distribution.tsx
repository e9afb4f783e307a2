/** The score distribution (NPS 0–10 bars coloured by group; CSAT 1–5 and CES 1–7 plain) as SVG bars, drawn at its real width so text keeps its size. */
import { scoreGroup } from '@npsloop/core';
import { useI18n } from '../i18n/i18n.ts';
import { linearScale } from '../scales.ts';
import { useWidth } from '../use-width.ts';

const HEIGHT = 180;
const BOTTOM = 24;
const TOP = 18;

/** One bar per point of the scale from `lowest` (default 0), with counts; a table-like label for screen readers. */
export function Distribution(props: { counts: readonly number[]; lowest?: number }) {
  const lowest = props.lowest ?? 0;
  const nps = props.counts.length === 11 && lowest === 0;
  const { t, fmt } = useI18n();
  const { ref, width } = useWidth<HTMLDivElement>(440);
  const max = Math.max(1, ...props.counts);
  const y = linearScale([0, max], [HEIGHT - BOTTOM, TOP]);
  const band = width / props.counts.length;
  const gap = Math.min(8, band / 4);
  const label = props.counts.map((count, index) => `${lowest + index}: ${fmt.count(count)}`).join(', ');
  return (
    <div ref={ref} class="chart-frame">
      <svg class="chart" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={t.charts.distribution(label)}>
        {props.counts.map((count, index) => (
          <g key={index}>
            <rect class={nps ? `bar ${scoreGroup(index)}` : 'bar'} x={index * band + gap / 2} width={band - gap} y={y(count)} height={HEIGHT - BOTTOM - y(count)} rx="2" />
            <text class="axis-label" x={index * band + band / 2} y={HEIGHT - 6} text-anchor="middle">{lowest + index}</text>
            <text class="bar-label" x={index * band + band / 2} y={y(count) - 4} text-anchor="middle">{fmt.count(count)}</text>
          </g>
        ))}
      </svg>
    </div>
  );
}
