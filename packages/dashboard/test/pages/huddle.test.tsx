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
});
