import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { COPIED_TABLES } from '../../src/db/copy-database.ts';
import { withDatabase } from '../../src/db/database.ts';
import { demoCommand } from '../../src/demo/demo-command.ts';
import { createLinkService } from '../../src/links/link-service.ts';
import { asAdmin, tempDir, testApp } from '../helpers.ts';
import { dbRows, dbValue } from '../support/db-rows.ts';
import { freshPostgresDatabase } from '../support/test-database.ts';

const NOW = Date.parse('2026-03-02T09:00:00Z');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, {}, { out: (text) => void (out += text), err: (text) => void (err += text) });
  return { code, out, err };
}

/** Every row of every copied table, in one order whatever the engine sorts text by. */
async function everyRow(location: string): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of Object.keys(COPIED_TABLES)) {
    tables[table] = (await dbRows({ dbPath: location }, `SELECT * FROM ${table}`)).map((row) => JSON.stringify(Object.entries(row).sort())).sort();
  }
  return tables;
}

async function summary(location: string, query = '') {
  const app = await testApp({ dbPath: location });
  return (await app.inject({ url: `/v1/surveys/demo/summary${query}`, headers: asAdmin })).json();
}

describe('npsloop copy', () => {
  it('moves an installation SQLite → PostgreSQL → SQLite with every row, and refuses a target that holds data', async () => {
    const dir = tempDir();
    const sqlite = join(dir, 'source.db');
    expect(await demoCommand(['--db', sqlite, '--days', '14'], {}, { out: () => {}, err: () => {} }, NOW)).toBe(0);
    await withDatabase(sqlite, async (database) => {
      await database.keys.create('read', 'dashboard');
      await database.webhooks.create({ url: 'https://hooks.example/npsloop', events: ['loop.opened'], format: 'slack', secret: 'whsec_dGVzdA==' }, NOW);
      const [issued] = await createLinkService(database).create('demo', { recipients: [{ email: 'ann@example.com', traits: { plan: 'pro' } }], channel: 'email', expiresInDays: 30 }, 'https://nps.example', NOW);
      await database.invitations.createRun({ id: 'inv_0000000000000001', surveyId: 'demo', sender: 'nps@acme.example', subject: null, people: [{ email: 'ann@example.com' }] }, NOW);
      await database.invitations.mark('inv_0000000000000001', 'ann@example.com', { state: 'sent', linkId: issued.link.id }, NOW);
      await database.invitations.unsubscribe('bob@example.com', NOW);
    });
    const original = await everyRow(sqlite);
    expect(original.responses.length).toBeGreaterThan(100);
    for (const table of ['loops', 'loop_notes', 'actions', 'action_responses', 'api_keys', 'webhooks', 'analytics_rollups', 'link_secrets', 'survey_links', 'invitation_runs', 'invitations', 'unsubscribes', 'journeys']) expect(original[table].length, table).toBeGreaterThan(0);

    const postgres = await freshPostgresDatabase();
    const there = await cli(['copy', '--from', sqlite, '--to', postgres]);
    expect(there.code, there.err).toBe(0);
    expect(JSON.parse(there.out).rows.responses).toBe(original.responses.length);
    expect(there.err).toMatch(/row counts of every table and the summaries of 3 survey\(s\) match on both sides/);
    expect(there.err).not.toContain(':npsloop-test@');
    expect(await everyRow(postgres)).toEqual(original);

    const back = join(dir, 'back.db');
    const again = await cli(['copy', '--from', postgres, '--to', back]);
    expect(again.code, again.err).toBe(0);
    expect(await everyRow(back)).toEqual(original);

    // What users see is the same on all three: figures, segments and comment search.
    const figures = await Promise.all([sqlite, postgres, back].map((location) => summary(location, '?touchpoint=checkout')));
    expect(figures[1]).toEqual(figures[0]);
    expect(figures[2]).toEqual(figures[0]);

    const refused = await cli(['copy', '--from', sqlite, '--to', postgres]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^npsloop: --to: postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/npsloop_\w+ already holds data \(surveys: 3, api_keys: 1, responses: \d+/);
    expect(await dbValue({ dbPath: postgres }, 'SELECT COUNT(*) FROM responses')).toBe(original.responses.length);
  });

  it('refuses to run without both ends, with one end missing, or onto itself', async () => {
    const missing = join(tempDir(), 'missing.db');
    const cases: [string[], string][] = [
      [['copy', '--to', missing], 'npsloop: copy: give both --from and --to (a SQLite file or a postgres:// URL)\n'],
      [['copy', '--from', missing, '--to', await freshPostgresDatabase()], `npsloop: --from: no SQLite file at ${missing}\n`],
      [['copy', '--from', missing, '--to', missing], 'npsloop: copy: --from and --to name the same database\n'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toBe(message);
    }
  });
});
