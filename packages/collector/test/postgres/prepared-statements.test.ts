import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/db/dialect.ts';
import { queryTemplate } from '../../src/db/executor.ts';
import { openPostgresDialect } from '../../src/db/postgres/postgres-dialect.ts';
import { freshPostgresSchema } from '../support/test-database.ts';

let dialect: Dialect | undefined;
afterEach(async () => {
  await dialect?.close();
  dialect = undefined;
});

/** The statements the pool's one connection has prepared, by name. */
async function preparedOnConnection(open: Dialect): Promise<Record<string, string>> {
  const { rows } = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(open.db);
  return Object.fromEntries(rows.map((row) => [row.name, row.statement]));
}

describe('templates on PostgreSQL', () => {
  it('are sent as named prepared statements, once per connection; ad-hoc queries are not', async () => {
    // One connection, so every query below runs on the session whose prepared statements are listed.
    dialect = await openPostgresDialect({ url: await freshPostgresSchema(), poolSize: 1 });
    const open = dialect;
    const byId = queryTemplate<'id'>((value) => open.db.selectFrom('surveys').select('id').where('id', '=', value('id')));
    const insert = queryTemplate<'id' | 'now'>((value) => open.db.insertInto('surveys')
      .values({ id: value('id'), name: 'Prepared', brand: null, settings: '{}', allowed_origins: '[]', active: 1, created_at: value('now'), updated_at: value('now') }));

    expect(await preparedOnConnection(open)).toEqual({});
    await open.transaction(async (tx) => {
      await tx.run(insert, { id: 'first', now: 1 });
      await tx.run(insert, { id: 'second', now: 2 });
    });
    expect(await open.root.all(byId, { id: 'first' })).toEqual([{ id: 'first' }]);
    expect(await open.root.all(byId, { id: 'second' })).toEqual([{ id: 'second' }]);
    await open.db.selectFrom('surveys').select('name').where('id', '=', 'first').execute();

    const prepared = await preparedOnConnection(open);
    expect(Object.keys(prepared).sort()).toEqual(['npsloop_1', 'npsloop_2']);
    expect(Object.values(prepared).sort()).toEqual([byId.sql, insert.sql].sort());
  });
});
