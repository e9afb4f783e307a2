import { describe, expect, it } from 'vitest';
import { eventPayload, responsePayload, type AnswerContext } from '../../src/loader/payloads';

const CONTEXT: AnswerContext = { surveyId: 'demo', touchpoint: 'pricing', channel: 'web', locale: 'en', page: '/pricing' };

describe('responsePayload', () => {
  it.each([
    ['score only, anonymous', { score: 8 }, {}, { score: 8 }],
    ['identified: the user id travels, the email not without consent', { score: 3, comment: 'Slow.' }, { userId: 'u-1', email: 'a@b.test' }, { score: 3, comment: 'Slow.', respondent: { userId: 'u-1' } }],
    ['consent given: the known email travels', { score: 3, consent: true }, { userId: 'u-1', email: 'a@b.test' }, { consent: true, respondent: { userId: 'u-1', email: 'a@b.test' } }],
    ['consent given by an anonymous visitor with a typed email', { score: 9, consent: true, email: 'c@d.test' }, {}, { respondent: { email: 'c@d.test' } }],
    ['consent refused: a typed email is dropped', { score: 9, consent: false, email: 'c@d.test' }, {}, { consent: false }],
  ])('%s', (_name, answer, visitor, expected) => {
    const payload = JSON.parse(JSON.stringify(responsePayload({ id: 'r-123456789', ...answer }, CONTEXT, visitor, 'trial', 'mobile')));
    expect(payload).toMatchObject({ id: 'r-123456789', ...CONTEXT, journey: 'trial', device: 'mobile', ...expected });
    if (!('respondent' in expected)) expect(payload).not.toHaveProperty('respondent');
  });

  it('carries the site traits as properties', () => {
    expect(responsePayload({ id: 'r-123456789', score: 7 }, CONTEXT, { properties: { plan: 'pro' } }, undefined, 'desktop').properties).toEqual({ plan: 'pro' });
  });
});

describe('eventPayload', () => {
  it('has exactly the fields the collector accepts for an event', () => {
    expect(eventPayload('e-123456789', 'dismissed', CONTEXT)).toEqual({ id: 'e-123456789', type: 'dismissed', ...CONTEXT });
  });
});
