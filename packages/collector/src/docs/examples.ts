/** Request and response examples for the API reference, by operation (`METHOD /url`, as routes are registered). */

const interval = { low: -30.3, high: 61.1, level: 0.95, method: 'adjusted-wald' };

/** One operation's examples: the request body and the reply per status. */
export interface OperationExamples {
  body?: unknown;
  responses?: Record<string, unknown>;
}

/** Examples shown in `/docs` and carried by `/openapi.json`. */
export const EXAMPLES: Record<string, OperationExamples> = {
  'POST /v1/responses': {
    body: {
      id: '0Rn4Wq3cXk2hT9vLm1aB8sYe', surveyId: 'homepage', score: 9, comment: 'Fast delivery, friendly support.',
      touchpoint: 'checkout', channel: 'web', locale: 'en', page: '/checkout/done', device: 'mobile', properties: { plan: 'pro' },
    },
    responses: { 201: { id: '0Rn4Wq3cXk2hT9vLm1aB8sYe', status: 'created' }, 200: { id: '0Rn4Wq3cXk2hT9vLm1aB8sYe', status: 'updated' } },
  },
  'POST /v1/events': {
    body: { id: '0Rn4Wq3cXk2hT9vLm1aB8sYf', surveyId: 'homepage', type: 'shown', touchpoint: 'checkout', channel: 'web' },
    responses: { 201: { id: '0Rn4Wq3cXk2hT9vLm1aB8sYf', status: 'created' } },
  },
  'POST /v1/surveys': {
    body: { id: 'homepage', name: 'Homepage', brand: 'Acme', allowedOrigins: ['https://shop.example', 'https://*.example.com'] },
  },
  'PATCH /v1/surveys/:id': { body: { active: false } },
  'GET /v1/surveys/:id/compare': {
    responses: {
      200: {
        surveyId: 'delivery', metric: 'csat', test: 'two-proportion-z',
        a: { metric: 'csat', n: 40, score: 50, interval: { low: 35.2, high: 64.8, level: 0.95, method: 'wilson' }, distribution: [20, 0, 0, 0, 20], mean: 3, satisfied: { count: 20, percent: 50 }, neutral: { count: 0, percent: 0 }, dissatisfied: { count: 20, percent: 50 } },
        b: { metric: 'csat', n: 40, score: 72.5, interval: { low: 57.2, high: 83.9, level: 0.95, method: 'wilson' }, distribution: [0, 0, 11, 29, 0], mean: 3.73, satisfied: { count: 29, percent: 72.5 }, neutral: { count: 11, percent: 27.5 }, dissatisfied: { count: 0, percent: 0 } },
        difference: 22.5, z: 2.065, p: 0.0389, significant: true,
      },
    },
  },
  'GET /v1/surveys/:id/summary': {
    responses: {
      200: {
        surveyId: 'homepage', from: '2026-01-01T00:00:00.000Z', to: null, metric: 'nps', n: 10, score: 20, nps: 20, interval,
        promoters: { count: 5, percent: 50 }, passives: { count: 2, percent: 20 }, detractors: { count: 3, percent: 30 },
        distribution: [1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2], comments: 4, commentRate: 0.4, shown: 12, dismissed: 2, responseRate: 0.6667,
      },
    },
  },
  'GET /v1/surveys/:id/drivers': {
    responses: {
      200: {
        surveyId: 'homepage', from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', truncated: false, language: 'en', n: 412, nps: 18.4, comments: 164,
        drivers: [
          { theme: 'slow delivery', n: 37, nps: -51.4, impact: -6.3, interval: { low: -9.2, high: -3.6, level: 0.95, method: 'delta-adjusted-wald' } },
          { theme: 'friendly support', n: 29, nps: 72.4, impact: 3.9, interval: { low: 1.6, high: 6.1, level: 0.95, method: 'delta-adjusted-wald' } },
        ],
      },
    },
  },
  'POST /v1/actions': { body: { surveyId: 'homepage', title: 'Ship from the second depot', kind: 'bigger_bet', touchpoint: 'checkout', themes: ['slow delivery'], owner: 'Dana' } },
  'GET /v1/actions/:id/effect': {
    responses: {
      200: {
        actionId: 'act_3f9a1c2b7d4e5f60', surveyId: 'homepage', metric: 'nps', days: 28,
        before: { from: '2026-02-01T09:00:00.000Z', to: '2026-03-01T09:00:00.000Z' }, after: { from: '2026-03-10T12:00:00.000Z', to: '2026-04-07T12:00:00.000Z' },
        effects: [
          {
            subject: 'theme', theme: 'slow delivery', touchpoint: 'checkout',
            before: { n: 240, mentions: 41, percent: 17.1, interval: { low: 12.9, high: 22.3, level: 0.95, method: 'wilson' } },
            after: { n: 226, mentions: 12, percent: 5.3, interval: { low: 3.1, high: 9.1, level: 0.95, method: 'wilson' } },
            change: { difference: -11.8, test: 'two-proportion-z', p: 0.0001, q: 0.0001, significant: true },
          },
        ],
        multipleComparisons: { method: 'benjamini-hochberg', alpha: 0.05, tests: 1 },
      },
    },
  },
  'PATCH /v1/responses/:id': { body: { status: 'contacted', assignee: 'Ada', tags: ['delivery'] } },
  'POST /v1/responses/:id/notes': { body: { author: 'Ada', text: 'Called back; the parcel was re-sent.' } },
  'POST /v1/webhooks': { body: { url: 'https://hooks.example.com/npsloop', events: ['loop.opened'], surveyId: 'homepage', description: 'Support channel' } },
  'PATCH /v1/webhooks/:id': {
    body: { events: ['loop.opened', 'loop.overdue', 'huddle.digest'], format: 'slack', digest: { weekday: 'monday', time: '09:00', timeZone: 'Europe/Amsterdam', days: 7 } },
  },
  'PATCH /v1/privacy': {
    body: { retentionDays: 365 },
    responses: { 200: { retentionDays: 365, source: 'setting', stored: 365 } },
  },
  'POST /v1/keys': {
    body: { scope: 'read', name: 'dashboard' },
    responses: {
      201: { id: 'key_3f9a1c2b7d4e', name: 'dashboard', scope: 'read', createdAt: '2026-01-05T09:30:00.000Z', lastUsedAt: null, secret: 'npsk_q8H3v0PZ0b6oYhR2c1mJ5sX9tW4uK7nE3aL8dF2gB1c' },
    },
  },
  'GET /v1/keys/me': {
    responses: { 200: { id: 'key_3f9a1c2b7d4e', name: 'dashboard', scope: 'read', source: 'database' } },
  },
};

/** The error envelope's example. */
export const ERROR_EXAMPLE = { code: 'invalid_request', message: 'score: must be an integer from 0 to 10' };
