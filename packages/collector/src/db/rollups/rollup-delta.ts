/** What one response or event contributes to the rollups, and a per-batch accumulator of those deltas. */
import { GRAINS, type Grain } from './range-plan.ts';

/** The rollup dimensions; `*` is the all-responses row. */
export const ROLLUP_DIMENSIONS = ['*', 'touchpoint', 'channel', 'locale', 'journey'] as const;

/** A rollup dimension. */
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/**
 * Counter columns of a rollup row, in storage order: responses per score 0–10,
 * responses with a comment, responses that answered a prompt (channel web, app
 * or unknown: the ones `shown` events can explain), shown and dismissed events.
 */
export const COUNTER_COLUMNS = [
  's0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 'comments', 'prompted', 'shown', 'dismissed',
] as const;

/** Index of each non-score counter in a counters array. */
export const COUNTER = { comments: 11, prompted: 12, shown: 13, dismissed: 14 } as const;

/** True for responses that a `shown` prompt can account for (email and link answers have no prompt). */
export function isPromptedChannel(channel: string | null): boolean {
  return channel === null || channel === 'web' || channel === 'app';
}

/** The facts about a stored response that rollups count (timestamps in UTC ms). */
export interface ResponseFacts {
  surveyId: string;
  createdAt: number;
  score: number;
  hasComment: boolean;
  excluded: boolean;
  touchpoint: string | null;
  channel: string | null;
  locale: string | null;
  journey: string | null;
}

/** The facts about a stored prompt event that rollups count. */
export interface EventFacts {
  surveyId: string;
  createdAt: number;
  type: 'shown' | 'dismissed';
  touchpoint: string | null;
  channel: string | null;
  locale: string | null;
}

/** One rollup row's key and the change to its counters. */
export interface RollupDelta {
  surveyId: string;
  grain: Grain;
  bucketStart: number;
  dim: RollupDimension;
  value: string;
  counters: number[];
}

const QUARTER_HOUR = GRAINS[0].ms;

/** Each dimension a response is counted under, and its value there (`*`: every response, in one row). */
const RESPONSE_DIMENSIONS: readonly (readonly [RollupDimension, (response: ResponseFacts) => string | null])[] = ROLLUP_DIMENSIONS.map(
  (dim) => [dim, dim === '*' ? () => '' : (response: ResponseFacts) => response[dim]] as const,
);

// One function for every level of the accumulator: the ingest path makes no closure per count.
const newMap = <K, V>() => new Map<K, V>();

/**
 * Collects deltas from many writes so a batch touches each rollup row once.
 * Writes are kept per 15-minute bucket (five rows per response); coarser
 * grains are derived when the batch is drained.
 */
export class RollupDeltas {
  // survey → 15-minute bucket → dimension → value → row: lookups on the strings at hand, no key built per write.
  private readonly rows = new Map<string, Map<number, Map<RollupDimension, Map<string, RollupDelta>>>>();

  /** Records a response going from `before` to `after` (null = absent or deleted). */
  addResponseChange(before: ResponseFacts | null, after: ResponseFacts | null): void {
    if (before && !before.excluded) this.addResponse(before, -1);
    if (after && !after.excluded) this.addResponse(after, 1);
  }

  /** Records a new prompt event (or, with sign −1, its removal). */
  addEvent(event: EventFacts, sign: 1 | -1 = 1): void {
    const column = event.type === 'shown' ? COUNTER.shown : COUNTER.dismissed;
    const bucket = event.createdAt - (((event.createdAt % QUARTER_HOUR) + QUARTER_HOUR) % QUARTER_HOUR);
    this.counters(event.surveyId, bucket, '*', '')[column] += sign;
    this.counters(event.surveyId, bucket, 'touchpoint', event.touchpoint)[column] += sign;
    this.counters(event.surveyId, bucket, 'channel', event.channel)[column] += sign;
    this.counters(event.surveyId, bucket, 'locale', event.locale)[column] += sign;
  }

  /** The accumulated non-zero deltas for every grain; the accumulator is emptied. */
  drain(): RollupDelta[] {
    const quarters = this.drainQuarters();
    const coarser = new Map<string, RollupDelta>();
    for (const row of quarters) {
      // 15-minute rows are unique already; only the coarser grains merge several of them.
      for (const { grain, ms } of GRAINS.slice(1)) {
        const bucketStart = row.bucketStart - (((row.bucketStart % ms) + ms) % ms);
        const key = `${row.surveyId}\u0000${grain}\u0000${bucketStart}\u0000${row.dim}\u0000${row.value}`;
        const target = coarser.get(key);
        if (target) for (let index = 0; index < row.counters.length; index++) target.counters[index] += row.counters[index];
        else coarser.set(key, { ...row, grain, bucketStart, counters: [...row.counters] });
      }
    }
    return [...quarters, ...coarser.values()];
  }

  /** The accumulated non-zero 15-minute deltas only; the accumulator is emptied. */
  drainQuarters(): RollupDelta[] {
    const quarters: RollupDelta[] = [];
    for (const buckets of this.rows.values()) {
      for (const dims of buckets.values()) {
        for (const values of dims.values()) {
          for (const row of values.values()) if (row.counters.some((count) => count !== 0)) quarters.push(row);
        }
      }
    }
    this.rows.clear();
    return quarters;
  }

  /** Adds 15-minute deltas drained elsewhere (e.g. read back from the pending table). */
  addQuarters(quarters: readonly Pick<RollupDelta, 'surveyId' | 'bucketStart' | 'dim' | 'value' | 'counters'>[]): void {
    for (const quarter of quarters) {
      const counters = this.counters(quarter.surveyId, quarter.bucketStart, quarter.dim, quarter.value);
      for (let index = 0; index < counters.length; index++) counters[index] += quarter.counters[index] ?? 0;
    }
  }

  private addResponse(response: ResponseFacts, sign: 1 | -1): void {
    const at = response.createdAt;
    const bucket = at - (((at % QUARTER_HOUR) + QUARTER_HOUR) % QUARTER_HOUR);
    const prompted = isPromptedChannel(response.channel);
    for (const [dim, valueOf] of RESPONSE_DIMENSIONS) {
      const counters = this.counters(response.surveyId, bucket, dim, valueOf(response));
      counters[response.score] += sign;
      if (response.hasComment) counters[COUNTER.comments] += sign;
      if (prompted) counters[COUNTER.prompted] += sign;
    }
  }

  private counters(surveyId: string, bucketStart: number, dim: RollupDimension, rawValue: string | null): number[] {
    const value = rawValue ?? '';
    const values = getOrCreate(getOrCreate(getOrCreate(this.rows, surveyId, newMap), bucketStart, newMap), dim, newMap);
    let row = values.get(value);
    if (!row) {
      row = { surveyId, grain: '15m', bucketStart, dim, value, counters: new Array<number>(COUNTER_COLUMNS.length).fill(0) };
      values.set(value, row);
    }
    return row.counters;
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => NoInfer<V>): V {
  let found = map.get(key);
  if (found === undefined) {
    found = create();
    map.set(key, found);
  }
  return found;
}
