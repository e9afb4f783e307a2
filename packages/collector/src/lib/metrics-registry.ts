/** Label values of one series. */
export type Labels = Record<string, string>;

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
// Callers on hot paths pass the same label objects again; their rendered text is kept per object.
const renderedLabels = new WeakMap<Labels, string>();
const NO_LABELS: Labels = {};

function labelText(labels: Labels): string {
  let text = renderedLabels.get(labels);
  if (text === undefined) {
    const entries = Object.entries(labels);
    text = entries.length === 0 ? '' : `{${entries.map(([key, value]) => `${key}="${escapeLabel(value)}"`).join(',')}}`;
    renderedLabels.set(labels, text);
  }
  return text;
}

interface HistogramSeries {
  buckets: number[];
  sum: number;
  count: number;
}

/** A tiny Prometheus registry: counters and histograms, rendered as text exposition format 0.0.4. */
export function createMetricsRegistry() {
  const counters = new Map<string, { help: string; series: Map<string, number> }>();
  const histograms = new Map<string, { help: string; bounds: number[]; series: Map<string, HistogramSeries> }>();

  return {
    /** Adds to a counter. */
    inc(name: string, help: string, labels: Labels = NO_LABELS, by = 1): void {
      let counter = counters.get(name);
      if (!counter) counters.set(name, (counter = { help, series: new Map() }));
      const key = labelText(labels);
      counter.series.set(key, (counter.series.get(key) ?? 0) + by);
    },
    /** Records one observation in a histogram (`latency` or `batch` buckets). */
    observe(name: string, help: string, value: number, labels: Labels = NO_LABELS, kind: 'latency' | 'batch' = 'latency'): void {
      let histogram = histograms.get(name);
      const bounds = kind === 'latency' ? LATENCY_BUCKETS : BATCH_BUCKETS;
      if (!histogram) histograms.set(name, (histogram = { help, bounds, series: new Map() }));
      const key = labelText(labels);
      let series = histogram.series.get(key);
      if (!series) histogram.series.set(key, (series = { buckets: bounds.map(() => 0), sum: 0, count: 0 }));
      for (let index = bounds.length - 1; index >= 0 && value <= bounds[index]; index -= 1) series.buckets[index] += 1;
      series.sum += value;
      series.count += 1;
    },
    /** The exposition text, plus gauges computed at scrape time. */
    render(gauges: { name: string; help: string; value: number }[] = []): string {
      const lines: string[] = [];
      for (const [name, counter] of counters) {
        lines.push(`# HELP ${name} ${counter.help}`, `# TYPE ${name} counter`);
        for (const [labels, value] of counter.series) lines.push(`${name}${labels} ${value}`);
      }
      for (const [name, histogram] of histograms) {
        lines.push(`# HELP ${name} ${histogram.help}`, `# TYPE ${name} histogram`);
        for (const [labels, series] of histogram.series) {
          const inner = labels.slice(1, -1);
          const join = (extra: string) => `{${inner ? `${inner},` : ''}${extra}}`;
          histogram.bounds.forEach((bound, index) => lines.push(`${name}_bucket${join(`le="${bound}"`)} ${series.buckets[index]}`));
          lines.push(`${name}_bucket${join('le="+Inf"')} ${series.count}`, `${name}_sum${labels} ${series.sum}`, `${name}_count${labels} ${series.count}`);
        }
      }
      for (const gauge of gauges) lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`, `${gauge.name} ${gauge.value}`);
      return `${lines.join('\n')}\n`;
    },
  };
}

/** The registry type. */
export type MetricsRegistry = ReturnType<typeof createMetricsRegistry>;
