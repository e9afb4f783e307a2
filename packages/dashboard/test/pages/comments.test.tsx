import { beforeEach, describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { choose, click, field, type, waitFor } from '../support/render.ts';

const setup = pageTest();

beforeEach(async () => {
  const comments = [[2, 'Delivery was late again'], [3, 'Late delivery, no update'], [9, 'Friendly support'], [10, 'Great support team']] as const;
  for (const [index, [score, comment]] of comments.entries()) await setup.collector.answer(`comment-${index}000`, score, comment);
});

const quotes = () => [...setup.view.container.querySelectorAll('.quotes blockquote')].map((node) => node.textContent).sort();

describe('comments page', { timeout: 60_000 }, () => {
  it('lists every comment newest first, filters by group, and shows what each group talks about', async () => {
    await setup.open('#/demo/comments');
    expect(quotes()).toEqual(['Delivery was late again', 'Friendly support', 'Great support team', 'Late delivery, no update']);
    expect(setup.view.container.querySelector('[role=status].muted')!.textContent).toBe('4 comments, newest first');
    expect([...setup.view.container.querySelectorAll('aside h2')].map((node) => node.textContent)).toEqual(['Detractors talk about', 'Promoters talk about']);
    choose(field<HTMLSelectElement>(setup.view.container, 'Group'), 'detractor');
    await waitFor(() => quotes().length === 2, setup.view.container);
    expect(quotes()).toEqual(['Delivery was late again', 'Late delivery, no update']);
  });

  it('labels every theme count by the set it counts: the group that mentions it, and the NPS of all who do', async () => {
    const more = [[1, 'Delivery was late, again'], [4, 'Late delivery'], [9, 'Late delivery but friendly support'], [10, 'friendly support']] as const;
    for (const [index, [score, comment]] of more.entries()) await setup.collector.answer(`comment-more-${index}`, score, comment);
    await setup.open('#/demo/comments');
    const detractorThemes = await waitFor(() => setup.view.container.querySelector('section[aria-label="Detractors talk about"] ol'), setup.view.container);
    // 4 detractors mention "delivery"; so does a promoter: NPS of those 5 is (1 − 4) / 5 = −60.
    expect(detractorThemes.querySelector('li')!.textContent).toBe('delivery 4 detractors mention it · NPS −60 among the 5 who mention it');
    const promoterThemes = await waitFor(() => setup.view.container.querySelector('section[aria-label="Promoters talk about"] ol'), setup.view.container);
    expect(promoterThemes.querySelector('li')!.textContent).toBe('support 4 promoters mention it · 4 answers mention it: too few for their NPS');
    click(detractorThemes, 'delivery');
    await waitFor(() => (field<HTMLInputElement>(setup.view.container, 'Search comments').value === 'delivery'), setup.view.container);
  });

  it('searches the text and turns a comment into an improvement action with an owner and a due date', async () => {
    await setup.open('#/demo/comments', { name: 'Robin' });
    type(field(setup.view.container, 'Search comments'), 'support');
    click(setup.view.container, 'Search');
    await waitFor(() => quotes().length === 2 && quotes()[0] === 'Friendly support', setup.view.container);
    click(setup.view.container, 'Make an action');
    const form = await waitFor(() => setup.view.container.querySelector('form[aria-label="New improvement action"]'), setup.view.container);
    const [title, owner, due] = [...form.querySelectorAll('input')];
    expect(owner.value).toBe('Robin');
    type(title, 'Thank the support team');
    type(due, '2026-12-31');
    choose(field<HTMLSelectElement>(form, 'Kind'), 'bigger_bet');
    type(field(form, 'Touchpoint'), 'support');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => setup.view.container.textContent?.includes('Action "Thank the support team" created.'), setup.view.container);
    const { actions } = await setup.collector.admin<{ actions: { title: string; owner: string; dueDate: string }[] }>('GET', '/v1/actions?surveyId=demo');
    expect(actions).toEqual([expect.objectContaining({ title: 'Thank the support team', owner: 'Robin', dueDate: '2026-12-31', kind: 'bigger_bet', touchpoint: 'support' })]);
  });
});
