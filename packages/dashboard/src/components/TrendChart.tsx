/** The survey's score (NPS, CSAT or CES) over time as an SVG line with its 95% interval drawn as a band, drawn at its real width so text keeps its size. */
import { axisLabels } from '../chart-labels.ts';
import { readFigure, scoreOf } from '../figures.ts';
import { useI18n } from '../i18n/i18n.ts';
import { bandPath, linearScale, linePath, niceTicks, npsDomain } from '../scales.ts';
import type { Metric, Trend } from '../types.ts';
import { useWidth } from '../use-width.ts';

const HEIGHT = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 30 };
// The axis text is 0.85rem (CSS); about 0.6 em per character plus room on either side.
const CHAR_PX = 8;

/** The vertical range: NPS fits its intervals; CSAT is a percentage and CES a mean on 1–7, so their whole scale shows. */
function domainOf(metric: Metric | undefined, bounds: number[]): [number, number] {
  return metric === 'csat' ? [0, 100] : metric === 'ces' ? [1, 7] : npsDomain(bounds);
}

/** The trend chart; empty buckets and buckets with too few answers leave gaps rather than drawing a precise-looking point. */
export function TrendChart(props: { trend: Trend }) {
  const { t, fmt } = useI18n();
  const { ref, width } = useWidth<HTMLDivElement>(720);
  const { buckets, interval } = props.trend;
  const shown = buckets.map((bucket) => readFigure(bucket) === 'score');
  const bounds = buckets.flatMap((bucket, index) => (shown[index] && bucket.interval ? [bucket.interval.low, bucket.interval.high] : []));
  const metric = props.trend.metric ?? buckets[0]?.metric;
  const y = linearScale(domainOf(metric, bounds), [HEIGHT - PAD.bottom, PAD.top]);
  const x = linearScale([0, Math.max(1, buckets.length - 1)], [PAD.left + 8, width - PAD.right - 8]);
  const line = linePath(buckets.map((bucket, index) => ({ x: x(index), y: shown[index] ? y(scoreOf(bucket)!) : null })));
  const band = bandPath(buckets.map((bucket, index) => ({
    x: x(index), low: shown[index] && bucket.interval ? y(bucket.interval.low) : null, high: shown[index] && bucket.interval ? y(bucket.interval.high) : null,
  })));
  const names = buckets.map((bucket) => fmt.bucket(bucket.start, interval));
  const labelWidth = Math.max(...names.map((name) => name.length), 3) * CHAR_PX;
  const labels = axisLabels(buckets.map((_, index) => x(index)), labelWidth, width);
  const answered = buckets.map((bucket, index) => ({ bucket, name: names[index] })).filter((item) => item.bucket.n > 0);
  const label = answered.length === 0
    ? t.charts.trendNone
    : t.charts.trendLabel(t.charts.unit[interval], answered.map((item) => t.charts.trendPoint(item.name, fmt.figure(item.bucket), fmt.count(item.bucket.n))).join('; '));
  return (
    <div ref={ref} class="chart-frame">
      <svg class="chart trend" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={label}>
        {niceTicks(y.domain[0], y.domain[1], 4).map((tick) => (
          <g key={tick}>
            <line class={tick === 0 ? 'grid zero' : 'grid'} x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text class="axis-label" x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">{fmt.score(metric, tick)}</text>
          </g>
        ))}
        <path class="band" d={band} />
        <path class="line" d={line} />
        {buckets.map((bucket, index) => shown[index] && (
          <circle key={bucket.start} class="point" cx={x(index)} cy={y(scoreOf(bucket)!)} r={buckets.length > 40 ? 2 : 3.5}>
            <title>{t.charts.pointTitle(names[index], fmt.figure(bucket), fmt.interval(bucket), fmt.n(bucket.n))}</title>
          </circle>
        ))}
        {labels.map((item) => (
          <text key={item.index} class="axis-label" x={item.x} y={HEIGHT - 8} text-anchor={item.anchor}>{names[item.index]}</text>
        ))}
      </svg>
    </div>
  );
}
