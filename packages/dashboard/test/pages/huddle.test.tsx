import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshBrowser, openPage, type TestCollector } from '../support/app.ts';
import { testCollector } from '../support/collector.ts';
import { choose, click, field, waitFor, type mount } from '../support/render.ts';

let collector: TestCollector;
let view: ReturnType<typeof mount> | null = null;

beforeEach(async () => {
  freshBrowser();
  collector = await testCollector();
});
afterEach(async () => {
  view?.unmount();
  view = null;
  await collector.close();
});

describe('huddle page', { timeout: 60_000 }, () => {
  it('counts today’s answers in "the last 7 days" and ends with the team’s three questions', async () => {
    for (const [index, score] of [10, 9, 9, 10, 7, 2].entries()) await collector.answer(`huddle-${index}0000`, score, score < 7 ? 'Slow delivery' : 'Fast delivery');
    view = await openPage(collector, '#/demo/huddle');
    expect(view.container.querySelector('.headline')!.textContent).toContain('n = 6');
    expect(view.container.querySelector('[data-testid=nps]')!.textContent).toBe('+50');
    expect([...view.container.querySelectorAll('.questions li')].map((node) => node.textContent)).toEqual([
      'What did we learn from customers in this period?', 'Which improvement do we pick, and who owns it?', 'What do staff need to serve customers better?',
    ]);
    expect(view.container.textContent).toContain('1 open · 0 overdue (SLA 48 h)');
  });

  it('sets an action’s due date in the table, and the collector keeps it', async () => {
    const action = await collector.admin<{ id: string }>('POST', '/v1/actions', { surveyId: 'demo', title: 'Faster delivery', owner: 'Sam' });
    view = await openPage(collector, '#/demo/huddle');
    const due = field(view.container, 'Due date of "Faster delivery"');
    expect(due.value).toBe('');
    choose(due, '2026-04-30');
    await waitFor(() => view!.container.textContent?.includes('Due date of "Faster delivery" saved.'), view.container);
    expect(await collector.admin('GET', `/v1/actions/${action.id}`)).toMatchObject({ dueDate: '2026-04-30' });
    click(view.container, 'Start');
    await waitFor(() => view!.container.querySelector('table.actions .state')?.textContent === 'in progress', view.container);
  });
});
