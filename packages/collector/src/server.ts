import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { describeDatabase } from './db/database.ts';
import type { ServeConfig } from './config.ts';

const SHUTDOWN_TIMEOUT_MS = 15_000;

/** The URL a person would open for a listening address. */
export function listeningUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/** Starts the collector: the one place that listens, handles signals and exits. */
export async function startServer(config: ServeConfig): Promise<FastifyInstance> {
  const app = await buildApp({
    dbPath: config.dbPath,
    adminKey: config.adminKey,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    rateLimit: config.rateLimit,
    apiCorsOrigins: config.apiCorsOrigins,
    widgetPath: config.widgetPath,
    sync: config.sync,
    writeWindowMs: config.writeWindowMs,
    allowPrivateWebhooks: config.allowPrivateWebhooks,
    loopOpenedDelayMs: config.loopOpenedDelayMs,
    retentionDays: config.retentionDays,
    requestTimeoutMs: config.requestTimeoutMs,
    publicUrl: config.publicUrl,
    mail: config.mail,
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A port in use must end the process: the database, its checkpoint thread and the workers stop
    // too. (Not awaited: a server that never listened does not report its close.)
    void app.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(`npsloop collector listening on ${listeningUrl(config.host, port)} (db ${describeDatabase(config.dbPath)})\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests and writes');
    // If something hangs, exit anyway rather than never.
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return app;
}
