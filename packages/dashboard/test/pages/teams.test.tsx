import { describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { choose, field, waitFor } from '../support/render.ts';

const setup = pageTest();

describe('teams page', { timeout: 60_000 }, () => {
  it('shows one team its own customers\' score and stories, never another team\'s', async () => {
    const answers: [string, number, string][] = [
      ['Support Amsterdam', 10, 'Sam fixed it at once'], ['Support Amsterdam', 9, 'Quick answer'], ['Support Amsterdam', 10, 'Lovely'],
      ['Support Amsterdam', 9, 'Good'], ['Support Amsterdam', 3, 'Waited an hour'],
      ['Support Utrecht', 2, 'Nobody called back'],
    ];
    for (const [index, [team, score, comment]] of answers.entries()) await setup.collector.answer(`team-${index}0000`, score, comment, undefined, { properties: { team } });
    await setup.open('#/demo/teams');
    expect(setup.view.container.textContent).toContain('Teams are not ranked against each other, and nothing is counted per person.');
    const picker = await waitFor(() => setup.view.container.querySelector('select') && field<HTMLSelectElement>(setup.view.container, 'Team'), setup.view.container);
    expect([...picker.options].map((option) => option.textContent)).toEqual(['Choose your team', 'Support Amsterdam', 'Support Utrecht']);
    choose(picker, 'Support Amsterdam');
    await waitFor(() => setup.view.container.querySelector('[data-testid=nps]'), setup.view.container);
    expect(setup.view.container.querySelector('.headline')!.textContent).toContain('Support Amsterdam, last 90 days');
    expect(setup.view.container.querySelector('[data-testid=nps]')!.textContent).toBe('+60');
    const stories = [...setup.view.container.querySelectorAll('.quotes blockquote')].map((node) => node.textContent);
    expect(stories).toEqual(['Waited an hour', 'Good', 'Lovely', 'Quick answer', 'Sam fixed it at once']);
    expect(setup.view.container.textContent).not.toContain('Nobody called back');
  });

  it('says how to send a team when no answer names one', async () => {
    await setup.open('#/demo/teams');
    await waitFor(() => setup.view.container.textContent?.includes('No answers name a team yet'), setup.view.container);
  });
});
