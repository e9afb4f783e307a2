import { describe, expect, it, vi } from 'vitest';
import { generateSecret } from '../../src/webhooks/signing.ts';
import { createSurvey, testApp } from '../helpers.ts';
import { startReceiver } from './receiver.ts';

describe('webhook worker', () => {
  it('delivers in the background once the app is ready, and stops when it closes', async () => {
    const receiver = await startReceiver();
    const app = await testApp({ webhookPollMs: 5, allowPrivateWebhooks: true });
    await createSurvey(app);
    const webhooks = app.db.webhooks;
    const { id: webhookId } = await webhooks.create({ url: receiver.url, events: ['response.created'], secret: generateSecret() }, Date.now());
    await webhooks.enqueue('response.created', { surveyId: 'demo', subjectId: null, payload: async () => '{"type":"response.created"}', dueAt: Date.now() }, Date.now());
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000, interval: 20 });
    await vi.waitFor(async () => expect((await webhooks.deliveries(webhookId, 10))[0].state).toBe('succeeded'), { timeout: 10_000, interval: 20 });
    await app.close();
    expect(receiver.received[0].body).toBe('{"type":"response.created"}');
  });
});
