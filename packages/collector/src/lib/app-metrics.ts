import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { SeriesCounter, SeriesHistogram } from './series-metrics.ts';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * The collector's Prometheus metrics (prom-client), in a registry of its own per app: requests and
 * latency by route, ingest outcomes, write batches, and, once started, Node.js and process metrics.
 */
export function createAppMetrics() {
  const registry = new Registry();
  const registers = [registry];
  // Updated on every request: series metrics (series-metrics.ts) cost a fraction of prom-client's labelled ones there.
  const requests = new SeriesCounter({ name: 'npsloop_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registry });
  const latency = new SeriesHistogram({
    name: 'npsloop_http_request_duration_seconds', help: 'Time to answer an HTTP request', labelNames: ['method', 'route'], buckets: LATENCY_BUCKETS, registry,
  });
  const ingested = new SeriesCounter({ name: 'npsloop_ingest_total', help: 'Ingest requests stored, by kind and outcome', labelNames: ['kind', 'status'], registry });
  const batchSize = new Histogram({ name: 'npsloop_write_batch_size', help: 'Rows written per group commit', buckets: BATCH_BUCKETS, registers });
  const batchDuration = new Histogram({ name: 'npsloop_write_batch_duration_seconds', help: 'Time to write and commit one batch', buckets: LATENCY_BUCKETS, registers });
  let runtimeStarted = false;

  return {
    registry,
    /** Counts one answered request and its latency. */
    requestAnswered(method: string, route: string, status: number, seconds: number): void {
      requests.inc(method, route, status);
      latency.observe(seconds, method, route);
    },
    /** Counts one stored ingest request by kind (`response`, `event`) and outcome (`created`, `updated`, `unchanged`). */
    ingested(kind: string, status: string): void {
      ingested.inc(kind, status);
    },
    /** Records one group commit: rows and seconds. */
    batchWritten(rows: number, seconds: number): void {
      batchSize.observe(rows);
      batchDuration.observe(seconds);
    },
    /**
     * Starts the default Node.js and process metrics (event-loop lag, heap, GC, CPU, handles) once.
     * Started by a listening server or the first scrape, not by every app a test builds: the
     * event-loop monitor and GC observer they start run for the rest of the process.
     */
    startRuntimeMetrics(): void {
      if (runtimeStarted) return;
      runtimeStarted = true;
      collectDefaultMetrics({ register: registry });
    },
  };
}

/** The metrics of one app. */
export type AppMetrics = ReturnType<typeof createAppMetrics>;
