import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { createAppMetrics } from './lib/app-metrics.ts';
import { lazyRequestLogger } from './lib/lazy-request-logger.ts';
import { auth } from './plugins/auth.ts';
import { clientErrorHandler } from './plugins/client-errors.ts';
import { errorHandler, frameworkErrors } from './plugins/error-handler.ts';
import { gracefulClose } from './plugins/graceful-close.ts';
import { metrics } from './plugins/metrics.ts';
import { compress } from './plugins/compress.ts';
import { cors } from './plugins/cors.ts';
import { rateLimit, type RateLimitOptions } from './plugins/rate-limit.ts';
import { requestLog } from './plugins/request-log.ts';
import { routeCatalog } from './plugins/route-catalog.ts';
import { zodSchemas } from './plugins/zod-schemas.ts';
import { dashboardRoutes } from './dashboard/dashboard-routes.ts';
import { DOCS_PREFIX, docsRoutes } from './docs/docs-routes.ts';
import { journeyRoutes } from './journeys/journey-routes.ts';
import { keyRoutes } from './keys/key-routes.ts';
import { invitationRoutes } from './invitations/invitation-routes.ts';
import { createInvitationService, type MailSettings } from './invitations/invitation-service.ts';
import { unsubscribeRoutes } from './invitations/unsubscribe-routes.ts';
import { linkRoutes } from './links/link-routes.ts';
import { createLinkService } from './links/link-service.ts';
import { hostedSurveyRoutes } from './hosted/hosted-routes.ts';
import { ingestRoutes } from './ingest/ingest-routes.ts';
import { opsRoutes } from './ops/ops-routes.ts';
import { surveyRoutes } from './surveys/survey-routes.ts';
import { analyticsRoutes } from './analytics/analytics-routes.ts';
import { driverRoutes } from './analytics/driver-routes.ts';
import { createDriverReport } from './analytics/drivers.ts';
import { widgetRoutes } from './widget/widget-routes.ts';
import { openDatabase, type Database, type SyncMode } from './db/database.ts';
import type { IngestHook } from './db/repositories/response-input.ts';
import { actionRoutes } from './actions/action-routes.ts';
import { createActionEffects } from './actions/action-effect.ts';
import { coachingRoutes } from './coaching/coaching-routes.ts';
import { createCoaching } from './coaching/coaching-service.ts';
import { createActionService } from './actions/action-service.ts';
import { createAnalyticsService } from './analytics/analytics-service.ts';
import { createHuddleBuilder, createHuddleReport } from './huddle/huddle-report.ts';
import { huddleSessionRoutes } from './huddle/huddle-session-routes.ts';
import { createHuddleSessions } from './huddle/huddle-sessions.ts';
import { huddleRoutes } from './huddle/huddle-routes.ts';
import { loopRoutes } from './loops/loop-routes.ts';
import { createLoopService } from './loops/loop-service.ts';
import { privacyRoutes } from './privacy/privacy-routes.ts';
import { createRetentionPolicy } from './privacy/retention-policy.ts';
import { retentionSweeper } from './privacy/retention-sweeper.ts';
import { createWebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
import { webhookIngestHook } from './webhooks/webhook-hooks.ts';
import { webhookRoutes } from './webhooks/webhook-routes.ts';
import { webhookWorker } from './webhooks/webhook-worker.ts';
import { createDigestScheduler } from './webhooks/digest-scheduler.ts';
import { digestSummary } from './huddle/digest-summary.ts';
import collectorPackage from '../package.json' with { type: 'json' };

declare module 'fastify' {
  interface FastifyInstance {
    /** The data layer, for tests and tools; routes and workers get their repositories and services from `buildApp`. */
    db: Database;
  }
}

/** Everything `buildApp` accepts; only `dbPath` is required. */
export interface AppOptions {
  /** A `postgres://` URL, or the SQLite file path (its directory is created) or `:memory:`. */
  dbPath: string;
  /** An admin API key accepted as given (e.g. from NPSLOOP_ADMIN_KEY), in addition to keys in the database. */
  adminKey?: string;
  /** Fastify/pino logger options; off by default. */
  logger?: boolean | object;
  /** Fastify `trustProxy`: true, a hop count, or addresses/CIDRs of trusted proxies. */
  trustProxy?: boolean | number | string | string[];
  /** Largest accepted request body in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** Requests per window per client IP and per survey on public write routes; 0 turns a limit off. */
  rateLimit?: Partial<RateLimitOptions>;
  /** Origins allowed to call the key-protected API from a browser. */
  apiCorsOrigins?: string[];
  /** Path of the built widget script (default: resolved from @npsloop/widget). */
  widgetPath?: string;
  /** Folder of the built dashboard (default: resolved from @npsloop/dashboard). */
  dashboardDir?: string;
  /** Extra group-commit wait in ms (default 0: the writes of one event-loop turn share a transaction; on SQLite of up to nine turns while more keep coming). */
  writeWindowMs?: number;
  /** SQLite `synchronous` in WAL mode (default NORMAL: a commit survives a killed process; FULL also power loss). */
  sync?: SyncMode;
  /** The clock of the close-the-loop routes and workers (tests inject a fake one). */
  now?: () => number;
  /** Accept and deliver webhooks to private and loopback addresses (off by default). */
  allowPrivateWebhooks?: boolean;
  /** Wait before `loop.opened` is delivered, in ms (default 2 minutes), so it carries the comment. */
  loopOpenedDelayMs?: number;
  /** How often due webhook deliveries are polled, in ms (default 1000; 0 = never, for tests that drive them). */
  webhookPollMs?: number;
  /** How often huddle-digest schedules are checked, in ms (default 30 000). */
  digestCheckMs?: number;
  /** Purge comments and personal data older than this many days; takes precedence over the period set from the dashboard (off when absent). */
  retentionDays?: number;
  /** More hooks to run inside each ingest job, after the webhook hook (a hook that throws fails its job alone). */
  ingestHooks?: IngestHook[];
  /** The address people and the team open the collector at (links in emails, personal links, chat alerts), e.g. https://nps.acme.example. */
  publicUrl?: string;
  /** The SMTP server and sender that invitations from the API go through (`--smtp`, `--mail-from`); without it the API sends no email. */
  mail?: MailSettings;
  /** A client gets this long to send its whole request, in ms (default 30 s); then 408 `request_timeout`. */
  requestTimeoutMs?: number;
}

/** Default per-minute limits: generous for offices behind one NAT, tight enough to stop a flood. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perIp: 600, perSurvey: 30_000, windowMs: 60_000 };

/**
 * Builds the collector, the composition root: the database and its repositories, every service (loops,
 * actions, webhooks, huddle, privacy, analytics) built once and handed to the routes and workers that use
 * them, then plugins and routes registered explicitly in this one place.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const appMetrics = createAppMetrics();
  const database = await openDatabase({
    path: options.dbPath,
    sync: options.sync,
    windowMs: options.writeWindowMs,
    backgroundCheckpoints: true,
    ingestHooks: [webhookIngestHook({ loopOpenedDelayMs: options.loopOpenedDelayMs }), ...(options.ingestHooks ?? [])],
    onBatch: (size, seconds) => appMetrics.batchWritten(size, seconds),
    // PostgreSQL: an idle connection broke (the server restarted); the pool makes a new one when needed.
    onConnectionError: (error) => app.log.warn({ err: error }, 'database connection lost; reconnecting when needed'),
    onCheckpointerError: (error) => app.log.warn({ err: error }, 'background WAL checkpoints stopped; the main connection checkpoints only past its safety net'),
  });
  const now = options.now;
  const loops = createLoopService(database);
  const actions = createActionService(database);
  const analytics = createAnalyticsService(database.analytics);
  const drivers = createDriverReport(analytics, database.analytics.responses);
  const effects = createActionEffects(database, { summary: analytics.summary, responses: database.analytics.responses });
  const huddle = createHuddleReport(database, { loops, actions });
  const huddles = createHuddleSessions(database, { build: createHuddleBuilder(database, { loops, actions }), actions });
  const digests = createDigestScheduler(database, async (survey, digestOptions) => digestSummary(await huddle(survey, digestOptions)));
  const dispatcher = createWebhookDispatcher(database, { now, allowPrivate: options.allowPrivateWebhooks, publicUrl: options.publicUrl });
  const { surveys } = database;
  const links = createLinkService(database);
  const retention = createRetentionPolicy(database.privacy, options.retentionDays);
  const invitations = options.mail ? createInvitationService(database, links, options.mail, { now, log: (error) => app.log.error({ err: error }, 'invitation run failed') }) : null;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    logger: options.logger ?? false,
    // Fastify accepts a hop count at run time; its types omit it.
    trustProxy: (options.trustProxy ?? false) as boolean,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    // A client gets `requestTimeoutMs` (30 s) to send its request: slow-drip clients cannot hold sockets open forever.
    // Node checks for expired requests only every `connectionsCheckingInterval` (30 s by default) and waits for headers
    // up to `headersTimeout` (60 s): both follow the timeout, so a slow client hears 408 right after it, not 60–90 s later.
    requestTimeout,
    http: { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.round(requestTimeout / 4))) },
    clientErrorHandler: clientErrorHandler(requestTimeout),
    // Drain on close rather than answer 503 outside the error envelope; see plugins/graceful-close.ts.
    return503OnClosing: false,
    frameworkErrors,
    // plugins/request-log.ts writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // A request's child logger is made when it first logs (lib/lazy-request-logger.ts).
    childLoggerFactory: lazyRequestLogger,
  });
  app.decorate('db', database);
  app.addHook('onClose', async () => {
    await invitations?.close();
    await database.close();
  });
  app.addHook('onReady', async () => {
    // Invitation runs the last shutdown stopped go on from where they were.
    const resumed = (await invitations?.resumeStopped()) ?? [];
    if (resumed.length > 0) app.log.info({ runs: resumed }, 'invitation runs resumed');
  });

  await app.register(errorHandler);
  await app.register(gracefulClose);
  await app.register(zodSchemas);
  await app.register(metrics, { metrics: appMetrics });
  await app.register(requestLog);
  await app.register(rateLimit, { ...DEFAULT_RATE_LIMIT, ...options.rateLimit });
  await app.register(auth, { adminKey: options.adminKey, publicPrefixes: [DOCS_PREFIX], keys: database.keys });
  await app.register(routeCatalog);
  await app.register(cors, { apiCorsOrigins: options.apiCorsOrigins, activeOriginPatterns: () => surveys.activeOriginPatterns() });
  await app.register(compress);
  await app.register(docsRoutes, { version: collectorPackage.version });

  await app.register(ingestRoutes, { surveys, database });
  await app.register(surveyRoutes, { surveys });
  await app.register(keyRoutes, { keys: database.keys });
  await app.register(analyticsRoutes, { analytics, surveys });
  await app.register(driverRoutes, { drivers, surveys, now });
  await app.register(journeyRoutes, { journeys: database.journeys, surveys, analytics, now });
  await app.register(loopRoutes, { loops, surveys, settings: database.loops.settings, now });
  await app.register(actionRoutes, { actions, effects, surveys, now });
  await app.register(coachingRoutes, { coaching: createCoaching(analytics), surveys, now });
  await app.register(huddleRoutes, { report: huddle, surveys, now });
  await app.register(huddleSessionRoutes, { huddles, surveys, now });
  await app.register(privacyRoutes, { database, retention, now });
  await app.register(webhookRoutes, { webhooks: database.webhooks, surveys, now, allowPrivate: options.allowPrivateWebhooks });
  await app.register(webhookWorker, { database, dispatcher, digests, now, pollMs: options.webhookPollMs, digestCheckMs: options.digestCheckMs });
  await app.register(retentionSweeper, { database, policy: retention, now });
  await app.register(widgetRoutes, { widgetPath: options.widgetPath });
  await app.register(linkRoutes, { links, surveys, publicUrl: options.publicUrl, now });
  await app.register(invitationRoutes, { service: invitations, invitations: database.invitations, surveys, publicUrl: options.publicUrl });
  await app.register(unsubscribeRoutes, { links, invitations: database.invitations, now });
  await app.register(hostedSurveyRoutes, { surveys, database, resolveLink: links.resolve, now });
  await app.register(dashboardRoutes, { dashboardDir: options.dashboardDir });
  await app.register(opsRoutes, { database });
  return app;
}
