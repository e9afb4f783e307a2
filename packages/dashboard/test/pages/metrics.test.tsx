import { describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { choose, click, field, type, waitFor } from '../support/render.ts';

const setup = pageTest();

const text = (selector: string) => setup.view.container.querySelector(selector)?.textContent ?? '';

describe('surveys of CSAT and CES in the dashboard', { timeout: 60_000 }, () => {
  it('the surveys page creates a survey with the metric picked, and lists what each survey measures', async () => {
    await setup.open('#/demo/surveys');
    click(setup.view.container, 'New survey');
    const form = await waitFor(() => [...setup.view.container.querySelectorAll('form.survey-form')].find((candidate) => candidate.querySelector('[id$=new-id]')), setup.view.container);
    type(field(form, 'Id'), 'delivery');
    type(field(form, 'Name'), 'Delivery');
    choose(field<HTMLSelectElement>(form, 'Measures'), 'csat');
    click(form, 'Create survey');
    const rows = await waitFor(() => {
      const found = [...setup.view.container.querySelectorAll('table tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
      return found.length === 2 && found;
    }, setup.view.container);
    expect(rows.map((cells) => [cells[0], cells[2]])).toEqual([['Demo shop', 'NPS (0–10)'], ['Delivery', 'CSAT (1–5)']]);
    expect(await setup.collector.admin('GET', '/v1/surveys/delivery')).toMatchObject({ name: 'Delivery', metric: 'csat' });
  });

  it('says why the metric cannot change once answers arrived, and keeps it', async () => {
    await setup.collector.answer('answer-00001', 9);
    await setup.open('#/demo/surveys');
    const form = setup.view.container.querySelector('form.survey-form')!;
    expect(field<HTMLSelectElement>(form, 'Measures').value).toBe('nps');
    choose(field<HTMLSelectElement>(form, 'Measures'), 'ces');
    click(form, 'Save changes');
    const alert = await waitFor(() => form.querySelector('[role=alert]'), setup.view.container);
    expect(alert.textContent).toContain('already has answers on the NPS scale');
    expect(await setup.collector.admin('GET', '/v1/surveys/demo')).toMatchObject({ metric: 'nps' });
  });

  it('the overview of a CSAT survey shows % satisfied with its interval, its groups, and the 1–5 distribution', async () => {
    await setup.collector.admin('POST', '/v1/surveys', { id: 'delivery', name: 'Delivery', brand: 'Acme', metric: 'csat', allowedOrigins: ['https://shop.example'] });
    for (const [index, score] of [5, 5, 4, 4, 3, 2, 1, 5].entries()) {
      await setup.collector.admin('POST', '/v1/responses', { id: `csat-answer-${index}000`, surveyId: 'delivery', score });
    }
    await setup.open('#/delivery/overview');
    // 5 of 8 answered 4 or 5.
    await waitFor(() => text('[data-testid=nps]') === '62.5%', setup.view.container);
    expect(text('.headline-label')).toBe('CSAT, last 30 days');
    expect(text('.headline-meta')).toMatch(/^95% CI \d+(\.\d)?% to \d+(\.\d)?% · n = 8$/);
    expect([...setup.view.container.querySelectorAll('.groups li')].map((item) => item.textContent)).toEqual([
      'Satisfied (4–5) 62.5% (5)', 'Neutral 12.5% (1)', 'Dissatisfied (1–2) 25% (2)',
    ]);
    const distribution = setup.view.container.querySelector('svg[aria-label^="Answers per score"]')!;
    expect(distribution.getAttribute('aria-label')).toBe('Answers per score, 1: 1, 2: 1, 3: 1, 4: 2, 5: 3');
    expect([...setup.view.container.querySelectorAll('h2')].map((node) => node.textContent)).toContain('Scores 1–5 (last 30 days)');
    await waitFor(() => setup.view.container.querySelector('svg.trend'), setup.view.container);
    expect(setup.view.container.querySelector('svg.trend')!.getAttribute('aria-label')).toMatch(/62\.5% \(n 8\)$/);
  });
});
