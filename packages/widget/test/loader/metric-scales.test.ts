import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCollector, waitFor } from '../support/collector';
import { setupWidget } from '../support/widget';

// CSAT and CES surveys as a visitor goes through them: the collector sends the scale and the standard
// wording resolved for every language, the widget draws that scale and sends the chosen point.

type Collector = Awaited<ReturnType<typeof testCollector>>;

describe.each([
  {
    metric: 'csat', points: ['1', '2', '3', '4', '5'], pick: '2',
    en: ['How satisfied were you with Acme?', 'Very dissatisfied', 'Very satisfied'],
    de: ['Wie zufrieden waren Sie mit Acme?', 'Sehr unzufrieden', 'Sehr zufrieden'],
  },
  {
    metric: 'ces', points: ['1', '2', '3', '4', '5', '6', '7'], pick: '6',
    en: ['Acme made it easy for me to handle my issue.', 'Strongly disagree', 'Strongly agree'],
    de: ['Acme hat es mir leicht gemacht, mein Anliegen zu erledigen.', 'Stimme überhaupt nicht zu', 'Stimme voll und ganz zu'],
  },
])('a $metric survey', ({ metric, points, pick, en, de }) => {
  let collector: Collector;

  beforeEach(async () => {
    localStorage.clear();
    document.body.replaceChildren();
    collector = await testCollector({ metric, followUp: { detractor: 'What went wrong?', promoter: 'What went well?' } });
  });
  afterEach(async () => {
    document.body.replaceChildren();
    await collector.close();
  });

  it.each([['en', en], ['de', de]] as const)('shows its scale as a radio group with the standard wording (%s)', async (lang, [question, low, high]) => {
    document.documentElement.lang = lang;
    const { widget, shown, root, $ } = setupWidget(collector);
    widget.show();
    await shown();
    const radios = [...root()!.querySelectorAll('[role=radiogroup] [role=radio]')];
    expect(radios.map((radio) => radio.textContent)).toEqual(points);
    expect($('#' + $('[role=radiogroup]')!.getAttribute('aria-labelledby'))!.textContent).toBe(question);
    expect(root()!.getElementById(radios[0].getAttribute('aria-describedby')!)!.textContent).toBe(low);
    expect(root()!.getElementById(radios.at(-1)!.getAttribute('aria-describedby')!)!.textContent).toBe(high);
  });

  it('sends the point picked, stored on the survey scale, and asks the follow-up of its group', async () => {
    document.documentElement.lang = 'en';
    const { widget, shown, button, $, responses, rendered } = setupWidget(collector);
    widget.show();
    await shown();
    button(pick).click();
    await rendered();
    await waitFor(() => responses().length === 1, 'the score');
    expect(responses()[0]).toMatchObject({ surveyId: 'demo', score: Number(pick) });
    expect($('[role=dialog]')!.textContent).toContain(metric === 'csat' ? 'What went wrong?' : 'What went well?');
    // The collector answered the send only after the row was committed.
    expect((await collector.responses()).map((response) => response.score)).toEqual([Number(pick)]);
  });
});
