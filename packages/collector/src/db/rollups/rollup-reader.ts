/** Sums rollup rows over planned pieces, grouped by the caller's bucket key or by dimension value. */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import { queryTemplate, type Executor, type QueryTemplate } from '../executor.ts';
import { joinEachPiece } from '../piece-join.ts';
import type { Schema } from '../schema.ts';
import { GRAINS, type Grain, type RollupPiece } from './range-plan.ts';
import { COUNTER_COLUMNS } from './rollup-delta.ts';

/** A planned piece tagged with the bucket (trend bucket, compare side, …) it adds to. */
export interface KeyedPiece extends RollupPiece {
  key: number;
}

type CounterColumn = (typeof COUNTER_COLUMNS)[number];
type PieceValues = 'pieces' | 'surveyId' | 'dim';

const COARSEST = GRAINS[GRAINS.length - 1].grain;
// Trends need only the 0–10 counts; fewer sums make a year of daily buckets markedly cheaper.
const SCORE_COLUMNS = COUNTER_COLUMNS.slice(0, 11);

function piecesJson(pieces: readonly KeyedPiece[]): string {
  return JSON.stringify(pieces.map((piece) => [piece.grain, piece.from, piece.to, piece.key]));
}

/** The rollup rows of the survey's dimension each piece covers (`[grain, from, to, …]`) whose value meets `ofValue`: a primary-key range seek a piece (piece-join.ts). */
function rowsInPieces(db: Kysely<Schema>, dialectSql: DialectSql, value: (name: PieceValues | 'value') => never, ofValue: Expression<SqlBool>) {
  const { jsonArrayNumber, jsonArrayText } = dialectSql;
  return joinEachPiece(db, dialectSql, value('pieces'), 'analytics_rollups', 'r', [
    sql<SqlBool>`r.survey_id = ${value('surveyId')}`, sql<SqlBool>`r.grain = ${jsonArrayText('p.value', 0)}`, sql<SqlBool>`r.dim = ${value('dim')}`, ofValue,
    sql<SqlBool>`r.bucket_start >= ${jsonArrayNumber('p.value', 1)}`, sql<SqlBool>`r.bucket_start < ${jsonArrayNumber('p.value', 2)}`,
  ]);
}

/** Every rollup row of one value inside the ranges (`[grain, from, to]` each): its grain, bucket and `columns`. */
function coveredRows(db: Kysely<Schema>, dialectSql: DialectSql, value: (name: PieceValues | 'value') => never, columns: readonly CounterColumn[]) {
  return rowsInPieces(db, dialectSql, value, sql<SqlBool>`r.value = ${value('value')}`)
    .select(['r.grain', 'r.bucket_start', ...columns.map((column) => sql.ref<number>(`r.${column}`).as(column))]);
}

/** The counters summed per value of the dimension over the rows the pieces cover. */
function sumsByValue(db: Kysely<Schema>, dialectSql: DialectSql, value: (name: PieceValues | 'value') => never) {
  // Every value ever seen has rows in every grain; the coarsest has the fewest to list them from.
  const listed = sql<SqlBool>`r.value IN (${db.selectFrom('analytics_rollups').select('value').where('survey_id', '=', value('surveyId'))
    .where('grain', '=', COARSEST).where('dim', '=', value('dim')).groupBy('value')})`;
  return rowsInPieces(db, dialectSql, value, listed)
    .select([...COUNTER_COLUMNS.map((column) => sql<number>`SUM(${sql.ref(`r.${column}`)})`.as(column)), 'r.value']).groupBy('r.value');
}

/** The rollup reads, compiled once per database (building a query costs more than running it). */
function readerTemplates(db: Kysely<Schema>, dialectSql: DialectSql) {
  const rows = (columns: readonly CounterColumn[]) => queryTemplate<PieceValues | 'value'>((value) => coveredRows(db, dialectSql, value, columns));
  return {
    rows: rows(COUNTER_COLUMNS),
    scoreRows: rows(SCORE_COLUMNS),
    byValue: queryTemplate<PieceValues | 'value'>((value) => sumsByValue(db, dialectSql, value)),
  };
}

type SumRow = Partial<Record<CounterColumn, number | string | null>> & { value?: string };
type CoveredRow = Partial<Record<CounterColumn, number | string | null>> & { grain: string; bucket_start: number | string };

/** One grain's pieces sorted by start, with the furthest end reached so far, to find the pieces holding a bucket. */
class SortedPieces {
  readonly pieces: KeyedPiece[];
  private readonly reach: number[];

  constructor(pieces: KeyedPiece[]) {
    this.pieces = pieces.sort((a, b) => a.from - b.from);
    let furthest = -Infinity;
    this.reach = this.pieces.map((piece) => (furthest = Math.max(furthest, piece.to)));
  }

  /** The pieces whose range holds `bucketStart`. */
  holding(bucketStart: number): KeyedPiece[] {
    let low = 0;
    let high = this.pieces.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.pieces[middle].from <= bucketStart) low = middle + 1;
      else high = middle;
    }
    const found: KeyedPiece[] = [];
    // Pieces starting at or before the bucket, nearest first, as long as one of them can still reach it.
    for (let index = low - 1; index >= 0 && this.reach[index] > bucketStart; index--) {
      if (this.pieces[index].to > bucketStart) found.push(this.pieces[index]);
    }
    return found;
  }
}

function piecesByGrain(pieces: readonly KeyedPiece[]): Map<Grain, SortedPieces> {
  const grouped = new Map<Grain, KeyedPiece[]>();
  for (const piece of pieces) {
    const list = grouped.get(piece.grain);
    if (list) list.push(piece);
    else grouped.set(piece.grain, [piece]);
  }
  return new Map([...grouped].map(([grain, list]) => [grain, new SortedPieces(list)]));
}

/** `[grain, from, to]` ranges covering the pieces (sorted by start), pieces that touch or overlap joined into one. */
function mergedRanges(grain: Grain, sorted: readonly KeyedPiece[]): [Grain, number, number][] {
  const ranges: [Grain, number, number][] = [];
  for (const piece of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && piece.from <= last[2]) last[2] = Math.max(last[2], piece.to);
    else ranges.push([grain, piece.from, piece.to]);
  }
  return ranges;
}

/** Rollup reads on one database. */
export class RollupReader {
  private readonly templates: ReturnType<typeof readerTemplates>;

  constructor(private readonly executor: Executor, dialectSql: DialectSql) {
    this.templates = readerTemplates(executor.db, dialectSql);
  }

  /**
   * Counters per piece key for one dimension value (`*` with value `''` for all responses); `scoresOnly` leaves the rest 0.
   * Pieces of one grain that touch are read as one range (a year of local days: one scan of the day rows, not a
   * seek per day), and each row read once, however many pieces share it (a local day subtracts the hour the next
   * day adds), then added to or subtracted from every key whose piece holds it.
   */
  async sumByKey(surveyId: string, dim: string, value: string, pieces: readonly KeyedPiece[], scoresOnly = false): Promise<Map<number, number[]>> {
    const columns = scoresOnly ? SCORE_COLUMNS : COUNTER_COLUMNS;
    const template = scoresOnly ? this.templates.scoreRows : this.templates.rows;
    const sums = new Map<number, number[]>();
    if (pieces.length === 0) return sums;
    const byGrain = piecesByGrain(pieces);
    const ranges = [...byGrain].flatMap(([grain, sorted]) => mergedRanges(grain, sorted.pieces));
    for (const row of await this.executor.all<CoveredRow>(template, { surveyId, dim, value, pieces: JSON.stringify(ranges) })) {
      const holding = byGrain.get(row.grain as Grain)?.holding(Number(row.bucket_start)) ?? [];
      if (holding.length === 0) continue;
      const counts = columns.map((column) => Number(row[column] ?? 0));
      for (const piece of holding) {
        let total = sums.get(piece.key);
        if (!total) sums.set(piece.key, (total = new Array<number>(counts.length).fill(0)));
        for (let index = 0; index < counts.length; index++) total[index] += piece.sign * counts[index];
      }
    }
    return sums;
  }

  /** Counters per value of a dimension (`''` for responses without one), over all pieces. */
  async sumByValue(surveyId: string, dim: string, pieces: readonly KeyedPiece[]): Promise<Map<string, number[]>> {
    return this.netted(pieces, this.templates.byValue, { surveyId, dim, value: '' }, (row) => [row.value!, COUNTER_COLUMNS.map((column) => Number(row[column] ?? 0))]);
  }

  /** Runs a query once over the added pieces and once over the subtracted ones, netting the rows by their key. */
  private async netted<K>(pieces: readonly KeyedPiece[], template: QueryTemplate<PieceValues | 'value'>, values: { surveyId: string; dim: string; value: string },
    read: (row: SumRow) => [K, number[]]): Promise<Map<K, number[]>> {
    const sums = new Map<K, number[]>();
    for (const sign of [1, -1] as const) {
      const signed = pieces.filter((piece) => piece.sign === sign);
      if (signed.length === 0) continue;
      for (const row of await this.executor.all<SumRow>(template, { ...values, pieces: piecesJson(signed) })) {
        const [key, counts] = read(row);
        const total = sums.get(key);
        if (!total) sums.set(key, sign === 1 ? counts : counts.map((count) => -count));
        else for (let index = 0; index < counts.length; index++) total[index] += sign * counts[index];
      }
    }
    return sums;
  }
}
