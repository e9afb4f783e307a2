/** NPS over time as an SVG line with its 95% interval drawn as a band. */
import { bucketLabel, formatInterval, formatN, formatNps } from '../format.ts';
import { bandPath, linearScale, linePath, niceTicks, npsDomain } from '../scales.ts';
import type { Trend } from '../types.ts';

const HEIGHT = 240;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/** The trend chart; empty buckets leave gaps rather than dropping to zero. */
export function TrendChart(props: { trend: Trend; timeZone: string }) {
  // A phone gets a narrower drawing, so its labels stay readable instead of shrinking.
  const narrow = typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 560px)').matches;
  const width = narrow ? 380 : 720;
  const { buckets, interval } = props.trend;
  const bounds = buckets.flatMap((bucket) => (bucket.interval ? [bucket.interval.low, bucket.interval.high] : []));
  const y = linearScale(npsDomain(bounds), [HEIGHT - PAD.bottom, PAD.top]);
  const x = linearScale([0, Math.max(1, buckets.length - 1)], [PAD.left + 6, width - PAD.right - 6]);
  const line = linePath(buckets.map((bucket, index) => ({ x: x(index), y: bucket.nps === null ? null : y(bucket.nps) })));
  const band = bandPath(buckets.map((bucket, index) => ({
    x: x(index), low: bucket.interval ? y(bucket.interval.low) : null, high: bucket.interval ? y(bucket.interval.high) : null,
  })));
  const every = Math.max(1, Math.ceil(buckets.length / (narrow ? 4 : 7)));
  const answered = buckets.filter((bucket) => bucket.n > 0);
  const label = answered.length === 0
    ? 'No answers in this period'
    : `NPS per ${interval}: ${answered.map((b) => `${bucketLabel(b.start, interval, props.timeZone)} ${formatNps(b.nps)} (n ${b.n})`).join('; ')}`;
  return (
    <svg class="chart trend" viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={label}>
      {niceTicks(y.domain[0], y.domain[1], 4).map((tick) => (
        <g key={tick}>
          <line class={tick === 0 ? 'grid zero' : 'grid'} x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text class="axis-label" x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">{formatNps(tick)}</text>
        </g>
      ))}
      <path class="band" d={band} />
      <path class="line" d={line} />
      {buckets.map((bucket, index) => (
        <g key={bucket.start}>
          {bucket.nps !== null && (
            <circle class="point" cx={x(index)} cy={y(bucket.nps)} r={buckets.length > 40 ? 2 : 3.5}>
              <title>{`${bucketLabel(bucket.start, interval, props.timeZone)}: NPS ${formatNps(bucket.nps)}, ${formatInterval(bucket)}, ${formatN(bucket.n)}`}</title>
            </circle>
          )}
          {index % every === 0 && (
            <text class="axis-label" x={x(index)} y={HEIGHT - 8} text-anchor="middle">{bucketLabel(bucket.start, interval, props.timeZone)}</text>
          )}
        </g>
      ))}
    </svg>
  );
}
