/** Webhook administration: create (secret shown once), list, read, change, delete, a test message, the delivery log and retrying a failed delivery. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError, surveyNotFound } from '../lib/errors.ts';
import { plainText, slug } from '../lib/common-schemas.ts';
import { refusedAddresses, resolveHost } from './address-guard.ts';
import type { SurveyRepository } from '../db/repositories/survey-repository.ts';
import {
  DELIVERY_TYPES, TEST_DELIVERY, WEBHOOK_EVENTS, WEBHOOK_FORMATS, type DeliveryRecord, type WebhookRecord, type WebhookRepository,
} from '../db/repositories/webhook-repository.ts';
import { eventBody } from './event-payloads.ts';
import { generateSecret } from './signing.ts';

/** Options of the webhook routes. */
export interface WebhookRouteOptions {
  webhooks: WebhookRepository;
  surveys: SurveyRepository;
  /** Accept URLs that resolve to private or loopback addresses (operator option; off by default). */
  allowPrivate?: boolean;
  now?: () => number;
}

const event = z.enum(WEBHOOK_EVENTS, { error: `must be one of ${WEBHOOK_EVENTS.join(', ')}` });
const url = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2048, { error: 'must be at most 2048 characters' });
const format = z.enum(WEBHOOK_FORMATS, { error: `must be one of ${WEBHOOK_FORMATS.join(', ')}` });
const events = z.array(event).min(1, { error: 'must name at least one event' }).max(WEBHOOK_EVENTS.length);
const createSchema = z.strictObject({
  url,
  events,
  format: format.default('standard')
    .describe('`standard`: Standard Webhooks JSON; `slack`: a chat message `{ "text": … }` for Slack, Mattermost, Google Chat or Teams incoming webhooks'),
  surveyId: slug.optional(),
  description: plainText(200).optional(),
});
const changeSchema = z.strictObject({
  url: url.optional(),
  events: events.optional(),
  format: format.optional(),
  surveyId: slug.nullable().optional(),
  description: plainText(200).nullable().optional(),
  paused: z.boolean({ error: 'must be true or false' }).optional()
    .describe('true pauses the webhook: nothing new is queued for it and its pending deliveries wait; false resumes it and they go out'),
}).refine((body) => Object.values(body).some((value) => value !== undefined), { error: 'must change at least one of url, events, format, surveyId, description, paused' });
const webhookId = z.string().regex(/^wh_[0-9a-f]{16}$/, { error: 'must be a webhook id (wh_…)' });
const paramsSchema = z.strictObject({ id: webhookId });
const deliveryParamsSchema = z.strictObject({ id: webhookId, deliveryId: z.string().regex(/^msg_[A-Za-z0-9_-]{16}$/, { error: 'must be a delivery id (msg_…)' }) });
const webhookSchema = z.object({
  id: z.string(), url: z.string(), format: z.enum(WEBHOOK_FORMATS), events: z.array(event), surveyId: z.string().nullable(), description: z.string().nullable(), createdAt: z.string(),
  paused: z.boolean().describe('A paused webhook gets nothing: events while it is paused are not queued for it, and deliveries queued before wait until it is resumed'),
  pausedAt: z.string().nullable(),
});
const deliverySchema = z.object({
  id: z.string(), type: z.enum(DELIVERY_TYPES), state: z.enum(['pending', 'succeeded', 'failed']), attempts: z.number(),
  nextAttemptAt: z.string().nullable(), lastAttemptAt: z.string().nullable(), lastStatus: z.number().nullable(),
  lastError: z.string().nullable(), createdAt: z.string(), deliveredAt: z.string().nullable(),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A webhook as listed: never its secret. */
function webhookView(webhook: WebhookRecord) {
  return { ...webhook, createdAt: iso(webhook.createdAt)!, paused: webhook.pausedAt !== null, pausedAt: iso(webhook.pausedAt) };
}

/** A delivery as the delivery log shows it. */
function deliveryView(delivery: DeliveryRecord) {
  return {
    id: delivery.id, type: delivery.type, state: delivery.state, attempts: delivery.attempts, nextAttemptAt: iso(delivery.nextAttemptAt),
    lastAttemptAt: iso(delivery.lastAttemptAt), lastStatus: delivery.lastStatus, lastError: delivery.lastError,
    createdAt: iso(delivery.createdAt)!, deliveredAt: iso(delivery.deliveredAt),
  };
}

/** The URL's host must resolve, and not to a private or loopback address unless the operator allows it. */
async function assertDeliverable(url: string, allowPrivate: boolean): Promise<void> {
  let addresses: string[];
  try {
    addresses = await resolveHost(new URL(url).hostname);
  } catch {
    throw new HttpError(400, 'invalid_request', 'url: the host name does not resolve');
  }
  const refusal = refusedAddresses(addresses, allowPrivate);
  if (refusal) throw new HttpError(400, 'url_refused', `url: ${refusal}`);
}

/** Registers the webhook routes; all of them need an admin key (URLs and logs may carry secrets). */
export async function webhookRoutes(fastify: FastifyInstance, options: WebhookRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const now = options.now ?? Date.now;
  const { webhooks } = options;
  const byId = async (id: string) => {
    const webhook = await webhooks.get(id);
    if (!webhook) throw new HttpError(404, 'webhook_not_found', `id: no webhook with id "${id}"`);
    return webhookView(webhook);
  };
  const tags = ['webhooks'];
  const config = { access: 'admin' } as const;

  app.post('/v1/webhooks', {
    schema: {
      summary: 'Create a webhook; its signing secret (whsec_…) is in this answer only', tags, body: createSchema,
      description: 'Deliveries follow the Standard Webhooks specification: body `{type, timestamp, data}`, headers `webhook-id`, `webhook-timestamp`, `webhook-signature`.',
      response: { 201: webhookSchema.extend({ secret: z.string() }) },
    },
    config,
  }, async (request, reply) => {
    const body = request.body;
    if (body.surveyId && !(await options.surveys.get(body.surveyId))) throw surveyNotFound(body.surveyId);
    await assertDeliverable(body.url, options.allowPrivate ?? false);
    const secret = generateSecret();
    return reply.code(201).send({ ...webhookView(await webhooks.create({ ...body, secret }, now())), secret });
  });

  app.get('/v1/webhooks', {
    schema: { summary: 'List webhooks (never their secrets)', tags, response: { 200: z.object({ webhooks: z.array(webhookSchema) }) } },
    config,
  }, async () => ({ webhooks: (await webhooks.list()).map(webhookView) }));

  app.get('/v1/webhooks/:id', {
    schema: { summary: 'Read a webhook', tags, params: paramsSchema, response: { 200: webhookSchema } },
    config,
  }, async (request) => byId(request.params.id));

  app.patch('/v1/webhooks/:id', {
    schema: {
      summary: 'Change a webhook: address, events, format, survey (null: every survey), description, or pause and resume it; its secret stays', tags, params: paramsSchema, body: changeSchema,
      description: 'Pending deliveries go to the new address. A new address is checked as on create. '
        + 'Paused (`paused: true`), a webhook is sent nothing: events that happen meanwhile are not queued for it (they are not sent later either), '
        + 'deliveries queued before wait and go out when it is resumed (`paused: false`). A test message is still sent.',
      response: { 200: webhookSchema },
    },
    config,
  }, async (request) => {
    const { id } = request.params;
    const change = request.body;
    await byId(id);
    if (change.surveyId && !(await options.surveys.get(change.surveyId))) throw surveyNotFound(change.surveyId);
    if (change.url !== undefined) await assertDeliverable(change.url, options.allowPrivate ?? false);
    return webhookView((await webhooks.update(id, change, now()))!);
  });

  app.post('/v1/webhooks/:id/test', {
    schema: {
      summary: `Send the webhook a test message (type ${TEST_DELIVERY}) now; the delivery log shows the outcome`, tags, params: paramsSchema,
      description: 'Signed like every delivery, sent within a second by the delivery worker, and tried once (never retried).',
      response: { 202: deliverySchema },
    },
    config,
  }, async (request, reply) => {
    const webhook = await byId(request.params.id);
    const at = now();
    const data = { webhook: { id: webhook.id, url: webhook.url, description: webhook.description }, message: 'A test message from npsloop: this webhook is reachable.' };
    const delivery = await webhooks.enqueueTest(webhook.id, () => eventBody(TEST_DELIVERY, at, data), at);
    return reply.code(202).send(deliveryView(delivery));
  });

  app.post('/v1/webhooks/:id/deliveries/:deliveryId/retry', {
    schema: {
      summary: 'Try a failed delivery once more, now', tags, params: deliveryParamsSchema,
      description: 'Only a delivery the worker gave up on (state `failed`); a pending one is retried on its own schedule.',
      response: { 202: deliverySchema },
    },
    config,
  }, async (request, reply) => {
    const { id, deliveryId } = request.params;
    await byId(id);
    const delivery = await webhooks.delivery(id, deliveryId);
    if (!delivery) throw new HttpError(404, 'delivery_not_found', `deliveryId: webhook ${id} has no delivery "${deliveryId}"`);
    if (!(await webhooks.retryFailed(id, deliveryId, now()))) {
      throw new HttpError(409, 'delivery_not_failed', `deliveryId: the delivery is ${delivery.state}; only a failed delivery can be retried`);
    }
    return reply.code(202).send(deliveryView((await webhooks.delivery(id, deliveryId))!));
  });

  app.delete('/v1/webhooks/:id', {
    schema: { summary: 'Delete a webhook and its pending deliveries', tags, params: paramsSchema },
    config,
  }, async (request, reply) => {
    await byId(request.params.id);
    await webhooks.remove(request.params.id);
    return reply.code(204).send();
  });

  app.get('/v1/webhooks/:id/deliveries', {
    schema: {
      summary: "A webhook's delivery log, newest first", tags, params: paramsSchema,
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ deliveries: z.array(deliverySchema) }) },
    },
    config,
  }, async (request) => {
    const { id } = request.params;
    await byId(id);
    return { deliveries: (await webhooks.deliveries(id, request.query.limit)).map(deliveryView) };
  });
}
