import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { hashSecret } from '../src/db/repositories/key-repository.ts';
import { SQLITE_MIGRATIONS } from '../src/db/sqlite/migrations/index.ts';
import { SERVE_OPTIONS } from '../src/config.ts';
import { testApp, tempDir } from './helpers.ts';
import { dbRows } from './support/db-rows.ts';
import { freshDatabaseLocation, onPostgres } from './support/test-database.ts';

// Both engines' migrations carry the same numbers: the newest is the schema version either way.
const LATEST_SCHEMA = SQLITE_MIGRATIONS.at(-1)!.version;

async function cli(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, env, { out: (text) => { out += text; }, err: (text) => { err += text; } });
  return { code, out, err };
}

describe('npsloop CLI', () => {
  it('keys create prints the key alone on stdout and stores only its hash', async () => {
    const db = await freshDatabaseLocation(tempDir(), 'cli.db');
    const result = await cli(['keys', 'create', '--scope', 'read', '--name', 'dashboard', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^npsk_[A-Za-z0-9_-]{43}\n$/);
    expect(result.err).toContain('shown only once');
    const secret = result.out.trim();
    expect(await dbRows({ dbPath: db }, 'SELECT name, scope, secret_hash FROM api_keys')).toEqual([{ name: 'dashboard', scope: 'read', secret_hash: hashSecret(secret) }]);

    const app = await testApp({ dbPath: db });
    expect((await app.inject({ url: '/v1/surveys', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/v1/surveys', headers: { authorization: `Bearer ${secret}` }, payload: {} })).statusCode).toBe(403);
  });

  it('keys create needs a valid scope', async () => {
    const result = await cli(['keys', 'create', '--scope', 'root', '--db', join(tempDir(), 'x.db')]);
    expect(result.code).toBe(2);
    expect(result.err).toBe('npsloop: --scope: must be read or admin\n');
    expect(result.out).toBe('');
  });

  it('surveys create, --if-missing, and list (NPSLOOP_DB from the environment)', async () => {
    const env = { NPSLOOP_DB: await freshDatabaseLocation(tempDir(), 'env.db') };
    const created = await cli(['surveys', 'create', '--id', 'demo', '--name', 'Demo survey', '--brand', 'Acme', '--origin', 'http://localhost:*', '--origin', 'https://*.acme.test'], env);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ id: 'demo', name: 'Demo survey', brand: 'Acme', allowedOrigins: ['http://localhost:*', 'https://*.acme.test'], active: true });

    const duplicate = await cli(['surveys', 'create', '--id', 'demo', '--name', 'Other'], env);
    expect(duplicate.code).toBe(2);
    expect(duplicate.err).toContain('a survey with id "demo" already exists');
    const missingOnly = await cli(['surveys', 'create', '--id', 'demo', '--name', 'Other', '--if-missing'], env);
    expect(missingOnly.code).toBe(0);
    expect(JSON.parse(missingOnly.out).name).toBe('Demo survey');

    await cli(['surveys', 'create', '--id', 'paused', '--name', 'Paused one', '--inactive'], env);
    const list = await cli(['surveys', 'list'], env);
    expect(list.out).toBe([
      'ID      STATE   NAME         ORIGINS',
      'demo    active  Demo survey  http://localhost:*,https://*.acme.test',
      'paused  paused  Paused one   -',
      '',
    ].join('\n'));
    const json = await cli(['surveys', 'list', '--json'], env);
    expect(JSON.parse(json.out).map((survey: { id: string }) => survey.id)).toEqual(['demo', 'paused']);
  });

  it('migrate brings a database to the current schema version and names its engine', async () => {
    const db = await freshDatabaseLocation(tempDir(), 'migrate.db');
    for (let run = 0; run < 2; run++) {
      const result = await cli(['migrate', '--db', db]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toEqual({ schemaVersion: LATEST_SCHEMA });
      expect(result.err).toContain(`(${onPostgres ? 'PostgreSQL' : 'SQLite'}) is at schema version ${LATEST_SCHEMA}.`);
    }
  });

  it('surveys create names the bad flag', async () => {
    const result = await cli(['surveys', 'create', '--id', 'ok', '--name', 'A', '--origin', 'example.com', '--db', join(tempDir(), 'x.db')]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--origin: must be an origin');
  });

  it('--help lists every command, flag and environment variable; unknown commands exit 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const text of ['serve', 'keys create', 'surveys create', 'surveys list', 'migrate', 'copy', '--from', '--to', 'postgres://', '--port', '--host', '--db', '--trust-proxy', '--log-level',
      '--cors-origin', '--rate-limit-ip', '--rate-limit-survey', '--body-limit', '--if-missing', 'PORT', 'HOST', 'NPSLOOP_DB', 'NPSLOOP_ADMIN_KEY',
      'NPSLOOP_TRUST_PROXY', 'NPSLOOP_LOG_LEVEL', 'NPSLOOP_CORS_ORIGINS', 'NPSLOOP_RATE_LIMIT_IP', 'NPSLOOP_RATE_LIMIT_SURVEY']) {
      expect(help.out).toContain(text);
    }
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command');
  });

  it('--help shows the serve flags in three columns that never run together', async () => {
    const { out } = await cli(['--help']);
    const rows = out.slice(out.indexOf('serve flags')).split('\n').slice(1).filter((line) => /^ {4}(--| {10})/.test(line));
    expect(rows.length).toBe(Object.keys(SERVE_OPTIONS).length + 1);
    const columns = rows.map((row) => /^ {4}(--[a-z-]+)?( +)(NPSLOOP_[A-Z_]+|PORT|HOST)( {2,})(\S.*)$/.exec(row));
    expect(columns.every(Boolean), rows.filter((_, index) => !columns[index]).join('\n')).toBe(true);
    // Every environment variable and every help text starts in the same column.
    expect(new Set(rows.map((row, index) => row.indexOf(columns[index]![3]))).size).toBe(1);
    expect(new Set(rows.map((row, index) => row.indexOf(columns[index]![5]))).size).toBe(1);
    for (const [name, option] of Object.entries(SERVE_OPTIONS)) expect(out).toMatch(new RegExp(`--${name} {2,}${option.env} {2,}\\S`));
  });
});
