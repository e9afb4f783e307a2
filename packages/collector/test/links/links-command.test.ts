import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { rows, tempDir, testApp } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';
import { freshDatabaseLocation } from '../support/test-database.ts';

async function cli(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, env, { out: (text) => { out += text; }, err: (text) => { err += text; } });
  return { code, out, err };
}

/** A database with the `demo` survey and a people file. */
async function setUp(people: string) {
  const dir = tempDir();
  const db = await freshDatabaseLocation(dir, 'links.db');
  expect((await cli(['surveys', 'create', '--id', 'demo', '--name', 'Demo', '--db', db])).code).toBe(0);
  const csv = join(dir, 'people.csv');
  writeFileSync(csv, people);
  return { db, csv, dir };
}

describe('npsloop links', () => {
  it('writes the input columns and a working personal link per person', async () => {
    const { db, csv, dir } = await setUp('\ufeffemail,userId,plan,locale\r\nann@example.com,u-1,pro,nl\r\n"bob@example.com",,"free, trial",\r\n');
    const out = join(dir, 'links.csv');
    const result = await cli(['links', '--survey', 'demo', '--csv', csv, '--touchpoint', 'renewal', '--out', out, '--db', db], { NPSLOOP_PUBLIC_URL: 'https://nps.acme.example/' });
    expect([result.code, result.err]).toEqual([0, `Made 2 personal links for survey "demo" in ${out}; each works for 30 days.\n`]);
    const written = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
    expect(written).toEqual([
      { email: 'ann@example.com', userId: 'u-1', plan: 'pro', locale: 'nl', url: expect.stringMatching(/^https:\/\/nps\.acme\.example\/s\/demo\?t=[\w-]{31}$/) },
      { email: 'bob@example.com', userId: '', plan: 'free, trial', locale: '', url: expect.stringMatching(/\?t=[\w-]{31}$/) },
    ]);
    const app = await testApp({ dbPath: db });
    const { pathname, search } = new URL(written[1].url);
    expect((await app.inject({ url: `${pathname}${search}&score=10` })).statusCode).toBe(200);
    expect(await rows(app, 'responses')).toMatchObject([{ email: 'bob@example.com', user_id: null, score: 10, touchpoint: 'renewal', channel: 'link', properties: '{"plan":"free, trial"}' }]);
  });

  it('lists every wrong row by line and makes no link; needs a public URL', async () => {
    const { db, csv } = await setUp('email,plan\nann@example.com,pro\nnot-an-email,free\n,basic\n');
    const result = await cli(['links', '--survey', 'demo', '--csv', csv, '--public-url', 'https://nps.acme.example', '--db', db]);
    expect(result.code).toBe(2);
    expect(result.err).toBe('npsloop: --csv: 2 of 3 rows are wrong; nothing was done:\n  line 3: email: must be an email address\n  line 4: row: needs an email or a userId\n');
    expect(await dbRows({ dbPath: db }, 'SELECT id FROM survey_links')).toEqual([]);
    const noUrl = await cli(['links', '--survey', 'demo', '--csv', csv, '--db', db]);
    expect(noUrl.err).toContain('--public-url: required (or NPSLOOP_PUBLIC_URL)');
    const badUrl = await cli(['links', '--survey', 'demo', '--csv', csv, '--public-url', 'nps.acme.example', '--db', db]);
    expect(badUrl.err).toContain('--public-url: must be an http or https URL');
  });
});
