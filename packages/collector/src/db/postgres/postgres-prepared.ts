/**
 * The hot templates (ingest, rollups) as named prepared statements: PostgreSQL parses and plans each once per
 * connection instead of on every run. Kysely sends `client.query(text, values)`; a connection of the pool sends the
 * texts registered here as `{ name, text, values }` instead, which `pg` prepares on first use per connection.
 * Only fixed template texts are registered (the ingest statements, and the multi-row inserts at each of their few dozen
 * row counts), never ad-hoc queries, so a connection keeps a bounded set of statements.
 */
import type pg from 'pg';

/** The SQL texts to run as named prepared statements, and their names. */
export class PreparedStatements {
  private readonly names = new Map<string, string>();

  /** Marks a template's SQL to be prepared on each connection that runs it. */
  add(text: string): void {
    if (!this.names.has(text)) this.names.set(text, `npsloop_${this.names.size + 1}`);
  }

  /** The statement name of a registered text, or undefined. */
  nameOf(text: string): string | undefined {
    return this.names.get(text);
  }

  /** Makes a new connection send the registered texts by name (call on the pool's `connect`). */
  attach(client: pg.PoolClient): void {
    const send = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof config === 'string' && Array.isArray(values) && callback === undefined ? this.names.get(config) : undefined;
      return name ? send({ name, text: config, values }) : send(config, values, callback);
    };
  }
}
