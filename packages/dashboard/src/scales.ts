/** Pure chart maths: linear scales, ticks and SVG paths. No DOM. */

/** A function from a domain value to pixels, with its domain and range. */
export interface Scale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
}

/** A linear scale mapping `domain` onto `range`; a zero-width domain maps to the range's middle. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const scale = ((value: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0))) as Scale;
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/** Evenly spaced "nice" ticks (steps of 1, 2, 5 × 10^k) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Math.round(tick * 1e6) / 1e6);
  return ticks;
}

/** The NPS range a chart should show: the data's interval bounds padded, snapped to tens, within −100…100. */
export function npsDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [-100, 100];
  const low = Math.max(-100, Math.floor((Math.min(...values) - 5) / 10) * 10);
  const high = Math.min(100, Math.ceil((Math.max(...values) + 5) / 10) * 10);
  return low === high ? [Math.max(-100, low - 10), Math.min(100, high + 10)] : [low, high];
}

/** A point of a series; `null` y values break the line. */
export interface Point {
  x: number;
  y: number | null;
}

/** An SVG path through the points, starting a new segment after each gap. */
export function linePath(points: readonly Point[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (point.y === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${round(point.x)},${round(point.y)}`;
    drawing = true;
  }
  return path;
}

/** A closed SVG area between `upper` and `lower` points (same x), split at gaps. */
export function bandPath(points: readonly { x: number; low: number | null; high: number | null }[]): string {
  const runs: { x: number; low: number; high: number }[][] = [[]];
  for (const point of points) {
    if (point.low === null || point.high === null) {
      if (runs[runs.length - 1].length) runs.push([]);
      continue;
    }
    runs[runs.length - 1].push({ x: point.x, low: point.low, high: point.high });
  }
  return runs
    .filter((run) => run.length > 0)
    .map((run) => {
      const top = run.map((p, index) => `${index ? 'L' : 'M'}${round(p.x)},${round(p.high)}`).join('');
      const bottom = [...run].reverse().map((p) => `L${round(p.x)},${round(p.low)}`).join('');
      return `${top}${bottom}Z`;
    })
    .join('');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
