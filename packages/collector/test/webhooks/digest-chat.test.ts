/** The digest's chat text names the themes' groups as the survey's scale does. */
import { describe, expect, it } from 'vitest';
import { digestChatText, type DigestBody } from '../../src/webhooks/digest-chat.ts';

const body = (metric: DigestBody['metric']): DigestBody => ({
  surveyId: 'demo', surveyName: 'Acme', metric, days: 7, timeZone: 'UTC', period: { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' },
  figure: { score: null, n: 0, interval: null }, previousFigure: { score: null, n: 0 }, change: { difference: null, p: null, significant: false },
  themes: { detractors: [{ theme: 'slow delivery', mentions: 2 }], promoters: [{ theme: 'friendly support', mentions: 10 }] },
  loops: { open: 0, overdue: 0, slaHours: 48 },
});

describe('the huddle digest chat text', () => {
  it.each([
    ['nps', 'Detractors talk about: slow delivery (2).', 'Promoters talk about: friendly support (10).'],
    ['csat', 'Dissatisfied customers talk about: slow delivery (2).', 'Satisfied customers talk about: friendly support (10).'],
    ['ces', 'Customers who disagree talk about: slow delivery (2).', 'Customers who agree talk about: friendly support (10).'],
  ] as const)('on a %s survey names the theme groups by its scale', (metric, detractorLine, promoterLine) => {
    const lines = digestChatText(body(metric), undefined).split('\n');
    expect(lines.slice(3, 5)).toEqual([detractorLine, promoterLine]);
  });
});
