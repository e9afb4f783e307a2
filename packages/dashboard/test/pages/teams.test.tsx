import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshBrowser, openPage, type TestCollector } from '../support/app.ts';
import { testCollector } from '../support/collector.ts';
import { choose, field, waitFor, type mount } from '../support/render.ts';

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

describe('teams page', { timeout: 60_000 }, () => {
  it('shows one team its own customers\' score and stories, never another team\'s', async () => {
    const answers: [string, number, string][] = [
      ['Support Amsterdam', 10, 'Sam fixed it at once'], ['Support Amsterdam', 9, 'Quick answer'], ['Support Amsterdam', 10, 'Lovely'],
      ['Support Amsterdam', 9, 'Good'], ['Support Amsterdam', 3, 'Waited an hour'],
      ['Support Utrecht', 2, 'Nobody called back'],
    ];
    for (const [index, [team, score, comment]] of answers.entries()) await collector.answer(`team-${index}0000`, score, comment, undefined, { properties: { team } });
    view = await openPage(collector, '#/demo/teams');
    expect(view.container.textContent).toContain('Teams are not ranked against each other, and nothing is counted per person.');
    const picker = await waitFor(() => view!.container.querySelector('select') && field<HTMLSelectElement>(view!.container, 'Team'), view.container);
    expect([...picker.options].map((option) => option.textContent)).toEqual(['Choose your team', 'Support Amsterdam', 'Support Utrecht']);
    choose(picker, 'Support Amsterdam');
    await waitFor(() => view!.container.querySelector('[data-testid=nps]'), view.container);
    expect(view.container.querySelector('.headline')!.textContent).toContain('Support Amsterdam, last 90 days');
    expect(view.container.querySelector('[data-testid=nps]')!.textContent).toBe('+60');
    const stories = [...view.container.querySelectorAll('.quotes blockquote')].map((node) => node.textContent);
    expect(stories).toEqual(['Waited an hour', 'Good', 'Lovely', 'Quick answer', 'Sam fixed it at once']);
    expect(view.container.textContent).not.toContain('Nobody called back');
  });

  it('says how to send a team when no answer names one', async () => {
    view = await openPage(collector, '#/demo/teams');
    await waitFor(() => view!.container.textContent?.includes('No answers name a team yet'), view.container);
  });
});
