/** Label values of one series. */
export type Labels = Record<string, string>;

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelCache = new Map<string, string>();

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  // Label sets repeat on every request; keep their rendered text (bounded by route × method × status).
  const raw = entries.map(([key, value]) => `${key}=${value}`).join('\u0001');
  let text = labelCache.get(raw);
  if (text === undefined) {
    text = `{${entries.map(([key, value]) => `${key}="${escapeLabel(value)}"`).join(',')}}`;
    if (labelCache.size < 10_000) labelCache.set(raw, text);
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
    inc(name: string, help: string, labels: Labels = {}, by = 1): void {
      let counter = counters.get(name);
      if (!counter) counters.set(name, (counter = { help, series: new Map() }));
      const key = labelText(labels);
      counter.series.set(key, (counter.series.get(key) ?? 0) + by);
    },
    /** Records one observation in a histogram (`latency` or `batch` buckets). */
    observe(name: string, help: string, value: number, labels: Labels = {}, kind: 'latency' | 'batch' = 'latency'): void {
      let histogram = histograms.get(name);
      const bounds = kind === 'latency' ? LATENCY_BUCKETS : BATCH_BUCKETS;
      if (!histogram) histograms.set(name, (histogram = { help, bounds, series: new Map() }));
      const key = labelText(labels);
      let series = histogram.series.get(key);
      if (!series) histogram.series.set(key, (series = { buckets: bounds.map(() => 0), sum: 0, count: 0 }));
      histogram.bounds.forEach((bound, index) => {
        if (value <= bound) series.buckets[index] += 1;
      });
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
