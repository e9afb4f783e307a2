import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, asAdmin, tempDir } from '../helpers.ts';
import { runBuiltCli } from '../support/cli-process.ts';
import { dbRows, dbValue } from '../support/db-rows.ts';
import { serveProcess } from '../support/serve-process.ts';
import { POSTGRES_MIGRATIONS } from '../../src/db/postgres/migrations/index.ts';
import { freshPostgresDatabase, postgresUrl } from '../support/test-database.ts';

const LATEST = POSTGRES_MIGRATIONS.at(-1)!.version;

/** The run's server URL with another password, port or database. */
function variant(change: (url: URL) => void): string {
  const url = new URL(postgresUrl());
  change(url);
  return url.toString();
}

describe('--db postgres://… on the command line', () => {
  it('migrate brings an empty database to the schema version once, even with two processes starting together', async () => {
    const url = await freshPostgresDatabase();
    const runs = await Promise.all([runBuiltCli(['migrate', '--db', url]), runBuiltCli(['migrate'], { env: { NPSLOOP_DB: url } })]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ schemaVersion: LATEST });
      expect(run.stderr).toMatch(new RegExp(String.raw`^Database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/npsloop_\w+ \(PostgreSQL\) is at schema version ${LATEST}\.\n$`));
    }
    expect(await dbRows({ dbPath: url }, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(POSTGRES_MIGRATIONS.map(({ version }) => ({ version })));
  });

  // Each refusal: a one-line error naming host and database (never the password), exit code 1, and no SQLite file anywhere.
  const refusals: [string, () => Promise<string>, RegExp][] = [
    ['a wrong password', async () => variant((url) => void (url.password = 'not-the-password')), /^npsloop: cannot open PostgreSQL database 127\.0\.0\.1:\d+\/postgres: authentication failed: password authentication failed for user "postgres"\n$/],
    ['a refused connection', async () => variant((url) => void (url.port = '1')), /^npsloop: cannot open PostgreSQL database 127\.0\.0\.1:1\/postgres: connection refused \(is PostgreSQL running and listening there\?\)\n$/],
    ['a database that does not exist', async () => variant((url) => void (url.pathname = '/no_such_db')), /^npsloop: cannot open PostgreSQL database 127\.0\.0\.1:\d+\/no_such_db: database "no_such_db" does not exist \(create it first: CREATE DATABASE …\)\n$/],
    ['a socket folder with no server in it', async () => 'postgres://postgres:not-the-password@%2Fnonexistent-npsloop:5432/postgres', /^npsloop: cannot open PostgreSQL database \/nonexistent-npsloop:5432\/postgres: no socket there \(is PostgreSQL running, and is that folder one of its unix_socket_directories\?\)\n$/],
    ['a URL without a host', async () => 'postgres:///npsloop', /^npsloop: database: not a valid PostgreSQL URL; expected postgres:\/\/user:password@host:5432\/database \(through a Unix socket: its folder as the host, postgres:\/\/user:password@%2Fvar%2Frun%2Fpostgresql\/database\)\n$/],
    ['a URL without its slashes', async () => 'postgres:/127.0.0.1/npsloop', /^npsloop: database: a PostgreSQL URL starts with postgres:\/\/ or postgresql:\/\/ \(postgres:\/\/user:password@host:5432\/database\)\n$/],
  ];
  for (const [what, url, message] of refusals) {
    it(`refuses ${what} with one clear line, for one-shot commands and for serve`, async () => {
      const cwd = tempDir();
      const location = await url();
      for (const args of [['surveys', 'list', '--db', location], ['serve', '--port', '0', '--db', location]]) {
        const run = await runBuiltCli(args, { cwd, env: { NPSLOOP_LOG_LEVEL: 'silent' } });
        expect(run.code, args.join(' ')).toBe(1);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toContain('not-the-password');
        expect(run.stdout).toBe('');
      }
      expect(readdirSync(cwd)).toEqual([]);
    });
  }
});

describe('--db over a Unix socket (PostgreSQL on the same machine)', () => {
  it('takes the socket folder as the host, %2F-encoded or as ?host=, and stores answers through it', async () => {
    const url = await freshPostgresDatabase();
    const folder = String(await dbValue({ dbPath: url }, 'SHOW unix_socket_directories')).split(',')[0].trim();
    expect(folder).toMatch(/^\//);
    const tcp = new URL(url);
    const encoded = `postgres://${tcp.username}:${tcp.password}@${encodeURIComponent(folder)}:${tcp.port}${tcp.pathname}`;
    const query = `postgresql://${tcp.username}:${tcp.password}@${tcp.pathname}?host=${encodeURIComponent(folder)}&port=${tcp.port}`;

    const migrated = await runBuiltCli(['migrate', '--db', query]);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stderr).not.toContain(tcp.password);

    const server = await serveProcess(['--port', '0', '--host', '127.0.0.1', '--db', encoded, '--log-level', 'warn'], { NPSLOOP_ADMIN_KEY: ADMIN_KEY });
    const admin = { ...asAdmin, 'content-type': 'application/json' };
    const survey = await fetch(`${server.url}/v1/surveys`, { method: 'POST', headers: admin, body: JSON.stringify({ id: 'demo', name: 'Demo', allowedOrigins: [] }) });
    expect(survey.status).toBe(201);
    const answer = await fetch(`${server.url}/v1/responses`, { method: 'POST', headers: admin, body: JSON.stringify({ id: 'socket_0001', surveyId: 'demo', score: 4 }) });
    expect([answer.status, await answer.json()]).toEqual([201, { id: 'socket_0001', status: 'created' }]);

    // Read back over TCP: the row and its loop are there, and the collector's connections came over the socket (no client address).
    expect(await dbRows({ dbPath: url }, 'SELECT r.id, r.score, l.state FROM responses r JOIN loops l ON l.response_id = r.id')).toEqual([{ id: 'socket_0001', score: 4, state: 'open' }]);
    const database = tcp.pathname.slice(1);
    expect(await dbRows({ dbPath: url }, "SELECT DISTINCT client_addr IS NULL AS socket FROM pg_stat_activity WHERE datname = ? AND application_name = 'npsloop'", database)).toEqual([{ socket: true }]);
  });
});
