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
    const headings = [...setup.view.container.querySelectorAll('h2')].map((node) => node.textContent);
    expect(headings).toContain('Scores 1–5 (last 30 days)');
    expect(headings).toContain('Latest from dissatisfied customers');
    await waitFor(() => setup.view.container.querySelector('svg.trend'), setup.view.container);
    expect(setup.view.container.querySelector('svg.trend')!.getAttribute('aria-label')).toMatch(/62\.5% \(n 8\)$/);
  });
  it('names the themes of a CSAT survey by its own groups, on the comments page and in the huddle, with no NPS words', async () => {
    await setup.collector.admin('POST', '/v1/surveys', { id: 'delivery', name: 'Delivery', brand: 'Acme', metric: 'csat', allowedOrigins: ['https://shop.example'] });
    const answers = [[1, 'Late delivery again'], [2, 'Delivery was late'], [1, 'late delivery, no call'], [2, 'The delivery came late'],
      [5, 'Friendly driver, late delivery though'], [5, 'Very friendly driver'], [4, 'friendly driver, quick too'], [5, 'Such a friendly driver today'], [3, 'It was fine']] as const;
    for (const [index, [score, comment]] of answers.entries()) {
      await setup.collector.admin('POST', '/v1/responses', { id: `csat-comment-${index}000`, surveyId: 'delivery', score, comment });
    }
    await setup.open('#/delivery/comments');
    const themes = () => setup.view.container.querySelector('aside')!;
    expect([...themes().querySelectorAll('h2')].map((node) => node.textContent)).toEqual(['Dissatisfied customers talk about', 'Satisfied customers talk about']);
    const dissatisfied = await waitFor(() => themes().querySelector('section[aria-label="Dissatisfied customers talk about"] ol'), setup.view.container);
    // 4 dissatisfied customers and 1 satisfied one mention "delivery": 1 of those 5 is satisfied, CSAT 20%.
    expect(dissatisfied.querySelector('li')!.textContent).toBe('delivery 4 dissatisfied customers mention it · CSAT 20% among the 5 who mention it');
    const satisfied = await waitFor(() => themes().querySelector('section[aria-label="Satisfied customers talk about"] ol'), setup.view.container);
    expect(satisfied.querySelector('li')!.textContent).toBe('friendly driver 4 satisfied customers mention it · 4 answers mention it: too few for their CSAT');
    expect(themes().textContent).not.toMatch(/detractor|passive|promoter|NPS/i);
    // The filters speak the same scale: its groups, and scores 1–5.
    const options = (label: string) => [...field<HTMLSelectElement>(setup.view.container, label).options].map((option) => option.textContent);
    expect(options('Group')).toEqual(['All', 'Dissatisfied (1–2)', 'Neutral', 'Satisfied (4–5)']);
    expect(options('Score')).toEqual(['Any', '1', '2', '3', '4', '5']);
    // Each comment's badge names its group on the 1–5 scale, coloured by it.
    const badges = [...setup.view.container.querySelectorAll('.quotes .score-badge')].map((badge) => [badge.getAttribute('aria-label'), badge.className]);
    expect(badges).toContainEqual(['Score 5 of 5, Satisfied (4–5)', 'score-badge promoter']);
    expect(badges).toContainEqual(['Score 3 of 5, Neutral', 'score-badge passive']);
    expect(badges).toContainEqual(['Score 1 of 5, Dissatisfied (1–2)', 'score-badge detractor']);

    await setup.open('#/delivery/huddle');
    const huddleThemes = [...setup.view.container.querySelectorAll('article.themes')];
    expect(huddleThemes.map((column) => column.querySelector('h2')!.textContent)).toEqual(['What dissatisfied customers say', 'What satisfied customers say']);
    expect(huddleThemes[0].querySelector('h3')!.textContent).toBe('delivery 4 dissatisfied customers mention it · CSAT 20% among the 5 who mention it');
    for (const column of huddleThemes) expect(column.textContent).not.toMatch(/detractor|passive|promoter|NPS/i);
  });
  it('names the themes of a CES survey by agree and disagree', async () => {
    await setup.collector.admin('POST', '/v1/surveys', { id: 'support', name: 'Support', brand: 'Acme', metric: 'ces', allowedOrigins: ['https://shop.example'] });
    const answers = [[1, 'Long hold times'], [2, 'The hold times were long'], [6, 'Quick answer'], [7, 'A quick answer, thanks']] as const;
    for (const [index, [score, comment]] of answers.entries()) {
      await setup.collector.admin('POST', '/v1/responses', { id: `ces-comment-${index}000`, surveyId: 'support', score, comment });
    }
    await setup.open('#/support/comments');
    const themes = setup.view.container.querySelector('aside')!;
    expect([...themes.querySelectorAll('h2')].map((node) => node.textContent)).toEqual(['Customers who disagree talk about', 'Customers who agree talk about']);
    const disagree = await waitFor(() => themes.querySelector('section[aria-label="Customers who disagree talk about"] ol'), setup.view.container);
    expect(disagree.querySelector('li')!.textContent).toBe('hold times 2 customers who disagree mention it · 2 answers mention it: too few for their CES');
    expect(themes.textContent).not.toMatch(/detractor|passive|promoter|NPS/i);
    expect([...field<HTMLSelectElement>(setup.view.container, 'Group').options].map((option) => option.textContent)).toEqual(['All', 'Disagree (1–3)', 'Neutral', 'Agree (5–7)']);
  });
});
