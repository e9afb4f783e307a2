/**
 * Where repository queries run. Every query is written once with Kysely; the few on the ingest hot path are
 * compiled once into a `QueryTemplate` (SQL text plus where each value goes) and run as prepared statements,
 * because building and compiling a query per request costs more than the write itself (ARCHITECTURE.md, "The data layer").
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Schema } from './schema.ts';

const PLACEHOLDER = '\u0000npsloop-value:';

/** A parameter of a template: a named value given at each run, or a value fixed when it was built. */
type Slot = { name: string } | { fixed: unknown };

/** A query compiled once for the dialect and run many times with new values. */
export interface QueryTemplate<Name extends string = string> {
  readonly sql: string;
  readonly slots: readonly Slot[];
  /** Only there to carry the value names in the type. */
  readonly names?: Name;
  /** True when a run's values are its parameters already, in order (a multi-row insert builds them so). */
  readonly valuesInOrder?: boolean;
}

/** Values of one run of a template, by name. */
export type TemplateValues<Name extends string> = Readonly<Record<Name, unknown>>;

/**
 * Compiles `build`'s query once. `value(name)` stands for a value given at each run; anything else in the
 * query stays as built.
 */
export function queryTemplate<Name extends string>(build: (value: (name: Name) => never) => Compilable): QueryTemplate<Name> {
  const compiled = build((name) => `${PLACEHOLDER}${name}` as never).compile();
  const slots = compiled.parameters.map((parameter): Slot =>
    typeof parameter === 'string' && parameter.startsWith(PLACEHOLDER) ? { name: parameter.slice(PLACEHOLDER.length) } : { fixed: parameter });
  return { sql: compiled.sql, slots };
}

/** The parameters of one run, in the order the SQL takes them. */
export function templateParameters<Name extends string>(template: QueryTemplate<Name>, values: TemplateValues<Name>): unknown[] {
  if (template.valuesInOrder) return values as unknown as unknown[];
  const parameters = new Array<unknown>(template.slots.length);
  for (let index = 0; index < parameters.length; index++) {
    const slot = template.slots[index];
    parameters[index] = 'name' in slot ? values[slot.name as Name] : slot.fixed;
  }
  return parameters;
}

/**
 * Row counts multi-row inserts are compiled for: every count up to 8, then each at most a quarter above the one
 * before, so a batch pads fewer than a quarter of its rows with repeats (each a conflict the database still checks).
 */
const MULTI_ROW_SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256];

/** A multi-row statement for one row count, and where each of its parameters comes from: a row's value, or the query. */
interface SizedInsert<Name extends string> {
  template: QueryTemplate<string>;
  parameters: ({ row: number; name: Name } | { fixed: unknown })[];
}

/**
 * An `INSERT … VALUES (…), (…)` over many rows of one shape, compiled for each row count when first used. With
 * `ON CONFLICT DO NOTHING` (`all`, `run`), n rows go in one statement of the next size up, the last row repeated to
 * fill it: the conflict clause skips the repeats, so a batch of 30 costs one statement (on PostgreSQL one round
 * trip), not 16 + 8 + 4 + 2. Without it, in pieces of exactly the compiled sizes (`exactPieces`, `runPiece`).
 */
export class MultiRowInsert<Name extends string> {
  private readonly bySize = new Map<number, SizedInsert<Name>>();

  /** `build` gets one value function per row: `rows[i](name)` stands for row i's value of `name`. */
  constructor(private readonly build: (rows: ((name: Name) => never)[]) => Compilable) {}

  /** Inserts `rows` (repeats of a key: the first wins); resolves to the rows the statement returns (those inserted). */
  async all<Row>(executor: Executor, rows: readonly TemplateValues<Name>[]): Promise<Row[]> {
    const returned: Row[] = [];
    for (const { template, values } of this.statements(rows)) returned.push(...await executor.all<Row>(template, values));
    return returned;
  }

  /** Inserts `rows` with a statement that returns nothing (cheaper than `all` when no one asks which went in): resolves to how many did. */
  async run(executor: Executor, rows: readonly TemplateValues<Name>[]): Promise<number> {
    let inserted = 0;
    for (const { template, values } of this.statements(rows)) inserted += await executor.run(template, values);
    return inserted;
  }

  /**
   * Splits `rows` into pieces of the compiled sizes, largest first, none filled with repeats (77 rows: 64 + 12 + 1):
   * for a statement without a conflict clause, which inserts all its rows or fails (`runPiece`).
   */
  exactPieces<Row>(rows: readonly Row[]): Row[][] {
    const pieces: Row[][] = [];
    for (let start = 0; start < rows.length;) {
      let index = MULTI_ROW_SIZES.length - 1;
      while (MULTI_ROW_SIZES[index] > rows.length - start) index -= 1;
      const size = MULTI_ROW_SIZES[index];
      pieces.push(rows.slice(start, start + size));
      start += size;
    }
    return pieces;
  }

  /** Inserts one piece of `exactPieces`; the rows changed, at once in a SQLite transaction. */
  runPiece(executor: Executor, piece: readonly TemplateValues<Name>[]): NowOrLater<number> {
    const { template, values } = this.statements(piece).next().value!;
    return executor.run(template, values);
  }

  /** The statements that insert `rows`, with their values. */
  private *statements(rows: readonly TemplateValues<Name>[]): Generator<{ template: QueryTemplate<string>; values: TemplateValues<string> }> {
    const largest = MULTI_ROW_SIZES[MULTI_ROW_SIZES.length - 1];
    for (let start = 0; start < rows.length; start += largest) {
      const count = Math.min(largest, rows.length - start);
      const { template, parameters } = this.sized(MULTI_ROW_SIZES.find((candidate) => candidate >= count)!);
      // Built in the statement's parameter order (`valuesInOrder`): one pass, no keys to look up again.
      const values = new Array<unknown>(parameters.length);
      for (let index = 0; index < values.length; index++) {
        const source = parameters[index];
        values[index] = 'fixed' in source ? source.fixed : rows[start + Math.min(source.row, count - 1)][source.name];
      }
      yield { template, values: values as unknown as TemplateValues<string> };
    }
  }

  private sized(size: number): SizedInsert<Name> {
    let sized = this.bySize.get(size);
    if (!sized) {
      const sources: { row: number; name: Name }[] = [];
      const compiled = queryTemplate<string>((value) => this.build(Array.from({ length: size }, (_, row) => (name: Name) => {
        sources.push({ row, name });
        return value(String(sources.length - 1));
      })));
      const parameters = compiled.slots.map((slot) => ('name' in slot ? sources[Number(slot.name)] : { fixed: slot.fixed }));
      sized = { template: { ...compiled, valuesInOrder: true }, parameters };
      this.bySize.set(size, sized);
    }
    return sized;
  }
}

/** Splits a list of ids into pieces small enough for an `IN (…)` list on every engine. */
export function* chunks<T>(items: readonly T[], size = 500): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/**
 * A result at once (SQLite runs statements synchronously) or a promise of it (a network database). `await` takes
 * either; the ingest hot path checks instead, so a write that answers at once costs no await (~2 µs a request).
 */
export type NowOrLater<T> = T | Promise<T>;

/** Runs queries on one connection or transaction: Kysely for most, prepared templates for the hot ones. */
export interface Executor {
  /** The Kysely instance (the root pool, or bound to one transaction). */
  readonly db: Kysely<Schema>;
  /** Runs a template that writes; the number of rows it changed, at once in a SQLite transaction. */
  run<Name extends string>(template: QueryTemplate<Name>, values: TemplateValues<Name>): NowOrLater<number>;
  /** Runs a template that reads; resolves to its first row. */
  first<Row, Name extends string = string>(template: QueryTemplate<Name>, values: TemplateValues<Name>): Promise<Row | undefined>;
  /** Runs a template that reads; resolves to every row. */
  all<Row, Name extends string = string>(template: QueryTemplate<Name>, values: TemplateValues<Name>): Promise<Row[]>;
}

/** A transaction's executor. */
export interface TransactionExecutor extends Executor {
  /** How many rows the transaction's statements have changed so far (tells whether a failed write job left anything). */
  changes(): number;
  /**
   * Runs a write as the transaction's last statement (nothing may follow it): on PostgreSQL it is sent together
   * with COMMIT, one round trip for both; on SQLite it runs at once. If it fails, the transaction fails.
   */
  runAtCommit<Name extends string>(template: QueryTemplate<Name>, values: TemplateValues<Name>): Promise<void>;
  /**
   * False when a failed statement has spoilt the transaction: on PostgreSQL any error aborts the whole
   * transaction, so a write batch must then be rolled back and run again without the job that failed.
   */
  intact(): Promise<boolean>;
}

/** An executor that sends templates through Kysely (any dialect; the SQLite module has a faster one). */
export function kyselyExecutor(db: Kysely<Schema>): Executor {
  return {
    db,
    async run(template, values) {
      const result = await db.executeQuery(CompiledQuery.raw(template.sql, templateParameters(template, values)));
      return Number(result.numAffectedRows ?? 0n);
    },
    async first<Row>(template: QueryTemplate, values: TemplateValues<string>) {
      const result = await db.executeQuery<Row>(CompiledQuery.raw(template.sql, templateParameters(template, values)));
      return result.rows[0];
    },
    async all<Row>(template: QueryTemplate, values: TemplateValues<string>) {
      const result = await db.executeQuery<Row>(CompiledQuery.raw(template.sql, templateParameters(template, values)));
      return result.rows as Row[];
    },
  };
}
