/** The webhook list the ingest path checks on every write, and its cache. */
import type { WebhooksTable } from '../schema.ts';
import type { WebhookEvent } from './webhook-repository.ts';

/** A webhook with its events parsed, as the ingest path checks it (paused webhooks are left out of the cached list). */
export interface Subscriber {
  row: WebhooksTable;
  events: ReadonlySet<string>;
}

/**
 * The webhook list, read on every ingest write (built once per database): kept until a webhook changes when
 * this process is the only writer (SQLite); for `ttlMs` when other processes may change webhooks (PostgreSQL).
 */
export class SubscriberCache {
  private cached: Subscriber[] | null = null;
  private expires = 0;

  constructor(private readonly ttlMs = Infinity) {}

  /** The cached list, or null when it has to be read. */
  get rows(): Subscriber[] | null {
    if (this.cached && this.ttlMs !== Infinity && this.expires <= Date.now()) this.cached = null;
    return this.cached;
  }

  /** Remembers the list; null forgets it (after a change). */
  set rows(rows: Subscriber[] | null) {
    this.cached = rows;
    this.expires = Date.now() + this.ttlMs;
  }
}

const NONE: readonly Subscriber[] = [];

/** The webhooks of a list subscribed to an event type of a survey. */
export function subscribedTo(all: readonly Subscriber[], type: WebhookEvent, surveyId: string): readonly Subscriber[] {
  if (all.length === 0) return NONE;
  return all.filter((subscriber) => subscriber.events.has(type) && (subscriber.row.survey_id === null || subscriber.row.survey_id === surveyId));
}
