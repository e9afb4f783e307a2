import { Counter, Histogram, Registry, type RegistryContentType } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { SeriesCounter, SeriesHistogram } from '../../src/lib/series-metrics.ts';

const BUCKETS = [0.001, 0.01, 0.1, 1];
// Values on, between, below and above the bounds, for three series.
const OBSERVATIONS: [number, string, string][] = [
  [0.0005, 'POST', '/v1/responses'], [0.001, 'POST', '/v1/responses'], [0.05, 'POST', '/v1/responses'], [3, 'POST', '/v1/responses'],
  [0.01, 'GET', '/v1/surveys'], [0.2, 'GET', '/v1/surveys'], [1, 'GET', '/v1/surveys'], [0.002, 'GET', '/metrics'],
];

/** The same observations in prom-client's own metrics and in the series metrics, each in a registry of its own. */
function bothRegistries(contentType: RegistryContentType = Registry.PROMETHEUS_CONTENT_TYPE) {
  const library: Registry<RegistryContentType> = new Registry();
  library.setContentType(contentType);
  const libraryCounter = new Counter({ name: 'requests_total', help: 'Requests', labelNames: ['method', 'route', 'status'], registers: [library] });
  const libraryHistogram = new Histogram({ name: 'latency_seconds', help: 'Latency', labelNames: ['method', 'route'], buckets: BUCKETS, registers: [library] });
  const ours: Registry<RegistryContentType> = new Registry();
  ours.setContentType(contentType);
  const counter = new SeriesCounter({ name: 'requests_total', help: 'Requests', labelNames: ['method', 'route', 'status'], registry: ours });
  const histogram = new SeriesHistogram({ name: 'latency_seconds', help: 'Latency', labelNames: ['method', 'route'], buckets: BUCKETS, registry: ours });
  for (const [seconds, method, route] of OBSERVATIONS) {
    const status = seconds > 1 ? 500 : 200;
    libraryCounter.inc({ method, route, status });
    counter.inc(method, route, status);
    libraryHistogram.observe({ method, route }, seconds);
    histogram.observe(seconds, method, route);
  }
  return { library, ours, histogram };
}

/** The exposition text, one line per series value, in a stable order. */
const lines = async (registry: Registry<RegistryContentType>) => (await registry.metrics()).split('\n').filter(Boolean).sort();

describe('series metrics', () => {
  it('expose exactly what prom-client\'s own counter and histogram expose for the same observations', async () => {
    const { library, ours } = bothRegistries();
    const expected = await lines(library);
    expect(expected).toContain('latency_seconds_bucket{le="0.1",method="POST",route="/v1/responses"} 3');
    expect(await lines(ours)).toEqual(expected);
  });

  it('read the same in OpenMetrics and as JSON', async () => {
    const { library, ours } = bothRegistries(Registry.OPENMETRICS_CONTENT_TYPE);
    expect(await lines(ours)).toEqual(await lines(library));
    // prom-client's histogram adds an empty `exemplar` to each value; the series metrics keep no exemplars.
    const byName = (metrics: { name: string; values: object[] }[]) => [...metrics].sort((a, b) => a.name.localeCompare(b.name))
      .map((metric) => ({ ...metric, values: metric.values.map(({ exemplar: _none, ...value }: { exemplar?: unknown }) => value) }));
    expect(byName(await ours.getMetricsAsJSON())).toEqual(byName(await library.getMetricsAsJSON()));
  });

  it('forget their series when the registry is reset, and refuse a value that is not a number', async () => {
    const { ours, histogram } = bothRegistries();
    ours.resetMetrics();
    expect((await ours.metrics()).split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([]);
    expect(() => histogram.observe(Number.NaN, 'GET', '/')).toThrow(/not a finite number/);
  });
});
