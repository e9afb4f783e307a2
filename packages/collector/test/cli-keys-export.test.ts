import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { asAdmin, createSurvey, post, responseBody, tempDir, testApp } from './helpers.ts';
import { dbExec } from './support/db-rows.ts';
import { freshDatabaseLocation } from './support/test-database.ts';

async function cli(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, env, { out: (text) => { out += text; }, err: (text) => { err += text; } });
  return { code, out, err };
}

describe('npsloop keys list and revoke', () => {
  it('lists keys without secrets, and a revoked key stops working', async () => {
    const db = await freshDatabaseLocation(tempDir(), 'keys.db');
    const created = await cli(['keys', 'create', '--scope', 'admin', '--name', 'ci', '--db', db]);
    const secret = created.out.trim();
    await cli(['keys', 'create', '--scope', 'read', '--db', db]);
    const table = await cli(['keys', 'list', '--db', db]);
    expect(table.code).toBe(0);
    const lines = table.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+SCOPE\s+CREATED\s+LAST USED\s+NAME$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).filter(Boolean))).toEqual([
      [expect.stringMatching(/^key_/), 'admin', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/), 'never', 'ci'],
      [expect.stringMatching(/^key_/), 'read', expect.any(String), 'never', '-'],
    ]);
    expect(table.out).not.toContain(secret.slice(5));
    const listed = JSON.parse((await cli(['keys', 'list', '--json', '--db', db])).out);
    expect(listed.map((key: { scope: string }) => key.scope)).toEqual(['admin', 'read']);

    const app = await testApp({ dbPath: db });
    expect((await app.inject({ url: '/v1/surveys', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(200);
    const revoked = await cli(['keys', 'revoke', listed[0].id, '--db', db]);
    expect([revoked.code, revoked.err]).toEqual([0, `Revoked key ${listed[0].id}; it no longer works.\n`]);
    expect((await app.inject({ url: '/v1/surveys', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(401);
    const unknown = await cli(['keys', 'revoke', listed[0].id, '--db', db]);
    expect([unknown.code, unknown.err]).toEqual([2, `npsloop: keys revoke: no API key with id "${listed[0].id}" (see npsloop keys list)\n`]);
  });
});

describe('npsloop export', () => {
  async function answered(count: number) {
    const dbPath = await freshDatabaseLocation(tempDir(), 'export.db');
    const app = await testApp({ dbPath });
    await createSurvey(app);
    for (let index = 0; index < count; index += 1) await post(app, '/v1/responses', responseBody({ score: index % 11, comment: index % 2 ? `line one\r\nline "two" ${index}` : undefined }));
    return { app, dbPath };
  }

  it('writes the same CSV as the export route, to stdout', async () => {
    const { app, dbPath } = await answered(25);
    const viaHttp = (await app.inject({ url: '/v1/surveys/demo/export?format=csv', headers: asAdmin })).body;
    await app.close();
    const result = await cli(['export', '--survey', 'demo', '--db', dbPath]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(viaHttp);
    expect(result.err).toBe('Exported 25 responses of survey "demo" as CSV.\n');
  });

  it('writes NDJSON in a time range to a file, with a progress line for a large export', async () => {
    const { app, dbPath } = await answered(3);
    // A large survey, written the way an import does: straight into the database.
    await app.close();
    const start = Date.parse('2025-06-01T00:00:00Z');
    const values = Array.from({ length: 12_000 }, (_, index) => `('bulk_${String(index).padStart(6, '0')}', 'demo', ${index % 11}, ${start + index * 1000}, ${start + index * 1000}, 0)`);
    await dbExec({ dbPath }, `INSERT INTO responses (id, survey_id, score, created_at, updated_at, excluded) VALUES ${values.join(', ')}`);
    await cli(['rollups', 'rebuild', '--db', dbPath]);
    const out = join(tempDir(), 'answers.ndjson');
    const result = await cli(['export', '--survey', 'demo', '--format', 'ndjson', '--from', '2025-06-01', '--to', '2025-07-01', '--out', out, '--db', dbPath]);
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(12_000);
    expect(lines[0]).toMatchObject({ id: 'bulk_000000', surveyId: 'demo', score: 0 });
    expect(result.err).toContain('Exporting');
    expect(result.err).toContain('100% 12000/12000');
    expect(result.err).toContain(`Exported 12000 responses of survey "demo" as NDJSON to ${out}.`);
  });

  it('refuses a bad flag with the flag and the rule', async () => {
    const { dbPath } = await answered(0);
    const cases: [string[], string][] = [
      [['--format', 'xml'], '--format: must be csv or ndjson'],
      [['--from', 'yesterday'], '--from: must be an ISO 8601 date (2026-01-31) or date-time (2026-01-31T12:00:00Z)'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(['export', '--survey', 'demo', ...args, '--db', dbPath]);
      expect([result.code, result.err], args.join(' ')).toEqual([2, `npsloop: ${message}\n`]);
    }
    expect((await cli(['export', '--db', dbPath])).err).toBe('npsloop: --survey: required (the survey to export)\n');
    expect((await cli(['export', '--survey', 'nope', '--db', dbPath])).err).toBe('npsloop: --survey: no survey "nope"\n');
  });
});
