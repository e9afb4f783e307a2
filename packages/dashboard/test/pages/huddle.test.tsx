import { describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { choose, click, field, waitFor } from '../support/render.ts';

const setup = pageTest();

describe('huddle page', { timeout: 60_000 }, () => {
  it('counts today’s answers in "the last 7 days" and ends with the team’s three questions', async () => {
    for (const [index, score] of [10, 9, 9, 10, 7, 2].entries()) await setup.collector.answer(`huddle-${index}0000`, score, score < 7 ? 'Slow delivery' : 'Fast delivery');
    await setup.open('#/demo/huddle');
    expect(setup.view.container.querySelector('.headline')!.textContent).toContain('n = 6');
    expect(setup.view.container.querySelector('[data-testid=nps]')!.textContent).toBe('+50');
    expect([...setup.view.container.querySelectorAll('.questions li')].map((node) => node.textContent)).toEqual([
      'What did we learn from customers in this period?', 'Which improvement do we pick, and who owns it?', 'What do staff need to serve customers better?',
    ]);
    expect(setup.view.container.textContent).toContain('1 open · 0 overdue (SLA 48 h)');
  });

  it('sets an action’s due date in the table, and the collector keeps it', async () => {
    const action = await setup.collector.admin<{ id: string }>('POST', '/v1/actions', { surveyId: 'demo', title: 'Faster delivery', owner: 'Sam' });
    await setup.open('#/demo/huddle');
    const due = field(setup.view.container, 'Due date of "Faster delivery"');
    expect(due.value).toBe('');
    choose(due, '2026-04-30');
    await waitFor(() => setup.view.container.textContent?.includes('Due date of "Faster delivery" saved.'), setup.view.container);
    expect(await setup.collector.admin('GET', `/v1/actions/${action.id}`)).toMatchObject({ dueDate: '2026-04-30' });
    click(setup.view.container, 'Start');
    await waitFor(() => setup.view.container.querySelector('table.actions .state')?.textContent === 'in progress', setup.view.container);
  });

  it('copies a running huddle as kept: its snapshot, notes and actions, not the live digest', async () => {
    await setup.collector.answer('huddle-a0000', 2, 'Slow delivery');
    const huddle = await setup.collector.admin<{ id: string }>('POST', '/v1/surveys/demo/huddles', { days: 7, attendees: ['Dana'] });
    await setup.collector.admin('PATCH', `/v1/huddles/${huddle.id}`, { learned: 'Parcels wait at the depot' });
    await setup.collector.admin('POST', '/v1/actions', { surveyId: 'demo', title: 'Ship from the second depot', owner: 'Dana', huddleId: huddle.id });
    // An answer after the start is in the live digest, not in the huddle as kept.
    await setup.collector.answer('huddle-b0000', 10, 'Great');
    await setup.open('#/demo/huddle');
    await waitFor(() => setup.view.container.querySelector('.huddle-running'), setup.view.container);
    click(setup.view.container, 'Copy as Markdown');
    await waitFor(() => setup.view.container.textContent?.includes('Copied: paste it into your team chat.'), setup.view.container);
    const copied = await navigator.clipboard.readText();
    const kept = await (await setup.collector.fetcher(`/v1/huddles/${huddle.id}?format=md`, { headers: { authorization: `Bearer ${setup.collector.readKey}` } })).text();
    expect(copied).toBe(kept);
    expect(copied).toMatch(/^### Huddle \d{4}-\d{2}-\d{2}: Demo shop \(open\)/);
    expect(copied).toContain('Attendees: Dana');
    expect(copied).toContain('> Parcels wait at the depot');
    expect(copied).toContain('Ship from the second depot, owner Dana');
    expect(copied).toContain('NPS over the last 7 days: −100');
  });

  it('labels each action quick win or bigger bet, and shows a done action\'s touchpoint and theme before and after', async () => {
    for (let index = 0; index < 8; index++) await setup.collector.answer(`effect-b${index}000`, 2, 'Slow delivery');
    // "Before" ends where the action was made (that millisecond excluded): on a fast machine the last answer and the
    // action could share one, so the action is made once the clock has moved on.
    const lastAnswerAt = Date.now();
    await waitFor(() => Date.now() > lastAnswerAt);
    const action = await setup.collector.admin<{ id: string }>('POST', '/v1/actions', {
      surveyId: 'demo', title: 'New carrier', kind: 'bigger_bet', touchpoint: 'checkout', themes: ['slow delivery'], state: 'in_progress',
    });
    await setup.collector.admin('POST', '/v1/actions', { surveyId: 'demo', title: 'Call back today' });
    await setup.collector.admin('PATCH', `/v1/actions/${action.id}`, { state: 'done' });
    for (let index = 0; index < 8; index++) await setup.collector.answer(`effect-a${index}000`, 10, 'Fast delivery');
    await setup.open('#/demo/huddle');
    const rows = await waitFor(() => {
      const found = [...setup.view.container.querySelectorAll('table.actions tbody tr')].map((row) => row.textContent ?? '');
      return found.some((text) => text.includes('too few answers') || text.includes('significantly')) && found;
    }, setup.view.container);
    expect(rows.find((text) => text.startsWith('New carrier'))).toContain('bigger bet');
    expect(rows.find((text) => text.startsWith('Call back today'))).toContain('quick win');
    const effect = [...setup.view.container.querySelectorAll('.effect')].find((node) => node.getAttribute('aria-label') === 'Before and after "New carrier"')!;
    const lines = [...effect.querySelectorAll('li')].map((item) => item.textContent);
    expect(lines).toEqual([
      'checkout: −100 (n = 8) before, +100 (n = 8) after: significantly up (p < 0.001)',
      '"slow delivery": 100% of answers (8 of 8) before, 0% of answers (0 of 8) after: significantly down (p < 0.001)',
    ]);
  });
});
