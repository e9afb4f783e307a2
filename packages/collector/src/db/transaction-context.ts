/** The repositories, bound to the whole database or to one transaction, and what they share. */
import { type Kysely } from 'kysely';
import type { Dialect, DialectSql } from './dialect.ts';
import { queryTemplate, type Executor, type TransactionExecutor } from './executor.ts';
import { ActionRepository } from './repositories/action-repository.ts';
import { DigestRepository } from './repositories/digest-repository.ts';
import { HuddleRepository } from './repositories/huddle-repository.ts';
import { EventWriter, eventTemplates } from './repositories/event-writer.ts';
import { JourneyRepository } from './repositories/journey-repository.ts';
import { InvitationRepository } from './repositories/invitation-repository.ts';
import { KeyRepository, type LastUsedWrites, keyTemplates } from './repositories/key-repository.ts';
import { LinkRepository } from './repositories/link-repository.ts';
import { LoopQueries } from './repositories/loop-queries.ts';
import { LoopRepository, loopTemplates } from './repositories/loop-repository.ts';
import { LoopSettingsRepository, type LoopSettingsCache } from './repositories/loop-settings-repository.ts';
import { PrivacyRepository } from './repositories/privacy-repository.ts';
import type { IngestHook } from './repositories/response-input.ts';
import { ResponseReads } from './repositories/response-reads.ts';
import { ResponseWriter, responseTemplates, type AheadInserts } from './repositories/response-writer.ts';
import { SurveyRepository, type SurveyCache } from './repositories/survey-repository.ts';
import { WebhookRepository, webhookTemplates, type SubscriberCache } from './repositories/webhook-repository.ts';
import { storePendingDeltas } from './rollups/rollup-maintenance.ts';
import { RollupRecorder } from './rollups/rollup-recorder.ts';
import { rollupUpsertTemplate } from './rollups/rollup-writer.ts';
import type { Schema } from './schema.ts';

/** The statements the ingest path runs as prepared statements, compiled once per database. */
export function compileTemplates(db: Kysely<Schema>, dialectSql: DialectSql) {
  return {
    responses: responseTemplates(db, dialectSql),
    events: eventTemplates(db),
    keys: keyTemplates(db),
    loops: loopTemplates(db),
    webhooks: webhookTemplates(db),
    insertPending: queryTemplate<'deltas'>((value) => db.insertInto('analytics_rollup_pending').values({ deltas: value('deltas') })),
    rollups: {
      anyPending: queryTemplate<never>(() => db.selectFrom('analytics_rollup_pending').select('id').limit(1)),
      upsert: rollupUpsertTemplate(db, dialectSql),
    },
  };
}

/** What every repository of one database shares, built once with it: the dialect, templates, caches and hooks. */
export interface SharedParts {
  readonly dialect: Dialect;
  readonly templates: ReturnType<typeof compileTemplates>;
  readonly surveyCache: SurveyCache;
  readonly loopSettingsCache: LoopSettingsCache;
  readonly subscriberCache: SubscriberCache;
  readonly ingestHooks: IngestHook[];
  readonly keyLastUsed: LastUsedWrites;
  /**
   * True when a new answer's loop is written with the other new answers' loops of its batch, in one statement
   * before the next other job or the commit, instead of one statement each (SQLite; see `DEFER_NEW_LOOPS`).
   */
  readonly defersNewLoops: boolean;
  /** How a write batch inserts its new responses ahead of their jobs (see `INSERT_NEW_RESPONSES_AHEAD`). */
  readonly aheadInserts: AheadInserts;
}

/** The repositories of every table group. */
export interface Repositories {
  readonly surveys: SurveyRepository;
  readonly keys: KeyRepository;
  readonly responses: ResponseReads;
  readonly loops: LoopRepository;
  readonly loopQueries: LoopQueries;
  readonly actions: ActionRepository;
  readonly huddles: HuddleRepository;
  readonly webhooks: WebhookRepository;
  readonly digests: DigestRepository;
  readonly privacy: PrivacyRepository;
  readonly links: LinkRepository;
  readonly invitations: InvitationRepository;
  readonly journeys: JourneyRepository;
}

/** The repositories of one transaction: responses and events are written here, and only here. */
export interface TransactionRepositories extends Omit<Repositories, 'responses'> {
  readonly responses: ResponseWriter;
  readonly events: EventWriter;
}

function common(executor: Executor, shared: SharedParts) {
  const loopSettings = new LoopSettingsRepository(executor, shared.loopSettingsCache);
  return {
    surveys: new SurveyRepository(executor, shared.surveyCache, (id) => shared.loopSettingsCache.delete(id)),
    keys: new KeyRepository(executor, shared.templates.keys, shared.keyLastUsed),
    loops: new LoopRepository(executor, shared.templates.loops, loopSettings, shared.dialect.sql),
    loopQueries: new LoopQueries(executor, shared.dialect.sql),
    actions: new ActionRepository(executor),
    huddles: new HuddleRepository(executor),
    webhooks: new WebhookRepository(executor, shared.templates.webhooks, shared.subscriberCache, shared.dialect.sql),
    digests: new DigestRepository(executor, shared.templates.webhooks),
    privacy: new PrivacyRepository(executor, shared.dialect.sql),
    links: new LinkRepository(executor),
    invitations: new InvitationRepository(executor, shared.dialect.sql),
    journeys: new JourneyRepository(executor),
  };
}

/** Repositories on the whole database: every call is its own statement. */
export function rootRepositories(executor: Executor, shared: SharedParts): Repositories {
  return { ...common(executor, shared), responses: new ResponseReads(executor, shared.dialect.sql) };
}

/**
 * A transaction's repositories, each made when first used: a write batch touches two or three of them, and
 * building all per batch (or a closure per use, on the ingest path's every job) showed in profiles.
 */
class LazyTransactionRepositories implements TransactionRepositories {
  /** The repositories made so far. */
  private readonly made: { -readonly [K in keyof TransactionRepositories]?: TransactionRepositories[K] } = {};
  private readonly hooks: { run: IngestHook[]; context: () => TransactionRepositories };

  constructor(private readonly executor: TransactionExecutor, private readonly shared: SharedParts, private readonly rollups: RollupRecorder) {
    this.hooks = { run: shared.ingestHooks, context: () => this };
  }

  get surveys() {
    const { shared } = this;
    return (this.made.surveys ??= new SurveyRepository(this.executor, shared.surveyCache, (id) => shared.loopSettingsCache.delete(id)));
  }
  get keys() { return (this.made.keys ??= new KeyRepository(this.executor, this.shared.templates.keys, this.shared.keyLastUsed)); }
  get loops() {
    const { executor, shared } = this;
    return (this.made.loops ??= new LoopRepository(
      executor, shared.templates.loops, new LoopSettingsRepository(executor, shared.loopSettingsCache), shared.dialect.sql, shared.defersNewLoops,
    ));
  }
  get loopQueries() { return (this.made.loopQueries ??= new LoopQueries(this.executor, this.shared.dialect.sql)); }
  get actions() { return (this.made.actions ??= new ActionRepository(this.executor)); }
  get huddles() { return (this.made.huddles ??= new HuddleRepository(this.executor)); }
  get webhooks() {
    const { executor, shared } = this;
    return (this.made.webhooks ??= new WebhookRepository(executor, shared.templates.webhooks, shared.subscriberCache, shared.dialect.sql));
  }
  get digests() { return (this.made.digests ??= new DigestRepository(this.executor, this.shared.templates.webhooks)); }
  get privacy() { return (this.made.privacy ??= new PrivacyRepository(this.executor, this.shared.dialect.sql)); }
  get links() { return (this.made.links ??= new LinkRepository(this.executor)); }
  get invitations() { return (this.made.invitations ??= new InvitationRepository(this.executor, this.shared.dialect.sql)); }
  get journeys() { return (this.made.journeys ??= new JourneyRepository(this.executor)); }
  get responses() {
    return (this.made.responses ??= new ResponseWriter(
      this.executor, this.shared.dialect.sql, this.shared.templates.responses, this.loops, this.rollups, this.hooks, this.shared.aheadInserts,
    ));
  }
  get events() { return (this.made.events ??= new EventWriter(this.executor, this.shared.templates.events, this.rollups)); }

  /** Writes what the new answers so far left to write together (their loops); undefined when nothing waits. */
  writeDeferred(): Promise<void> | undefined {
    return this.made.loops?.writeDeferred();
  }
}

/** A transaction's repositories and the rollup deltas its writes record. */
export class TransactionContext {
  readonly rollups = new RollupRecorder();
  private readonly lazy: LazyTransactionRepositories;

  constructor(readonly executor: TransactionExecutor, private readonly shared: SharedParts) {
    this.lazy = new LazyTransactionRepositories(executor, shared, this.rollups);
  }

  get repositories(): TransactionRepositories {
    return this.lazy;
  }

  /**
   * Writes the loops the batch's new answers opened so far (see `SharedParts.defersNewLoops`): the write queue calls
   * it before a job that is not a new answer, which might read them. Undefined when nothing waits.
   */
  writeDeferred(): Promise<void> | undefined {
    return this.lazy.writeDeferred();
  }

  /** Writes the deferred loops and stores the recorded rollup deltas; call last, inside the transaction. */
  async finish(): Promise<void> {
    await this.lazy.writeDeferred();
    await storePendingDeltas(this.executor, this.shared.templates.insertPending, this.rollups);
  }
}
