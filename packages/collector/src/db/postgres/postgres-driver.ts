/**
 * Kysely's PostgreSQL dialect with one change: an error that means the database cannot be reached (refused,
 * reset, shut down, pool timeout) carries SQLSTATE 08006 wherever it happens, in a query, at BEGIN or COMMIT,
 * or while waiting for a connection, so it is answered as 503 `storage_unavailable` and /healthz reports it.
 * Other errors pass through unchanged.
 */
import { PostgresDialect, type DatabaseConnection, type Driver, type PostgresDialectConfig, type QueryResult, type TransactionSettings, type CompiledQuery } from 'kysely';
import { isUnavailable, unreachableError } from './postgres-connection.ts';

/** The error as callers should see it: SQLSTATE 08006 when the database cannot be reached, else unchanged. */
export function mapped(error: unknown): unknown {
  return isUnavailable(error) ? unreachableError(error) : error;
}

/** Runs `work`, its errors mapped as `mapped` says. */
export async function mapping<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw mapped(error);
  }
}

/** A connection whose query errors are mapped; it remembers the driver's own connection. */
class MappedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return mapping(() => this.inner.executeQuery<R>(query));
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (error) {
      throw mapped(error);
    }
  }
}

const innerOf = (connection: DatabaseConnection) => (connection as MappedConnection).inner;

class MappedDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init = () => this.inner.init();
  acquireConnection = async () => new MappedConnection(await mapping(() => this.inner.acquireConnection()));
  beginTransaction = (connection: DatabaseConnection, settings: TransactionSettings) => mapping(() => this.inner.beginTransaction(innerOf(connection), settings));
  commitTransaction = (connection: DatabaseConnection) => mapping(() => this.inner.commitTransaction(innerOf(connection)));
  rollbackTransaction = (connection: DatabaseConnection) => mapping(() => this.inner.rollbackTransaction(innerOf(connection)));
  releaseConnection = (connection: DatabaseConnection) => this.inner.releaseConnection(innerOf(connection));
  destroy = () => this.inner.destroy();
}

/** Kysely's PostgresDialect whose unreachable-database errors all say so (SQLSTATE 08006). */
export class MappedPostgresDialect extends PostgresDialect {
  constructor(config: PostgresDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new MappedDriver(super.createDriver());
  }
}
