import { describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { click, field, type, waitFor } from '../support/render.ts';

const setup = pageTest();

describe('surveys page', { timeout: 60_000 }, () => {
  it('gives the embed snippet with only data-survey, and the self-hosted one with data-collector', async () => {
    await setup.open('#/demo/surveys');
    const origin = window.location.origin;
    expect(setup.view.container.querySelector('[data-testid=snippet]')!.textContent).toBe(`<script async src="${origin}/widget.js" data-survey="demo"></script>`);
    expect(setup.view.container.querySelector('[data-testid=snippet-self-hosted]')!.textContent)
      .toBe(`<script async src="/js/widget.js" data-survey="demo" data-collector="${origin}"></script>`);
    expect(setup.view.container.querySelector('.snippet')!.textContent).toContain('Only data-survey is needed');
  });

  it('saves changes from a button under the whole form, not inside a field’s cell', async () => {
    await setup.open('#/demo/surveys');
    const form = setup.view.container.querySelector('form.survey-form')!;
    const save = [...form.querySelectorAll('button')].find((button) => button.textContent === 'Save changes')!;
    expect(save.parentElement!.className).toBe('form-actions');
    expect(form.querySelector('.form-grid')!.contains(save)).toBe(false);
    type(field(form, 'Name'), 'Demo shop (EU)');
    type(field(form, 'Ask this share of visitors (%)'), '25');
    click(form, 'Save changes');
    await waitFor(() => form.querySelector('[role=status]')?.textContent === 'Saved.', setup.view.container);
    expect(await setup.collector.admin('GET', '/v1/surveys/demo')).toMatchObject({ name: 'Demo shop (EU)', sampling: 0.25 });
  });

  it('shows the collector’s validation message and changes nothing', async () => {
    await setup.open('#/demo/surveys');
    const form = setup.view.container.querySelector('form.survey-form')!;
    type(field(form, 'Allowed origins'), 'not an origin');
    click(form, 'Save changes');
    const alert = await waitFor(() => form.querySelector('[role=alert]'), setup.view.container);
    expect(alert.textContent).toMatch(/allowedOrigins/);
    expect(await setup.collector.admin('GET', '/v1/surveys/demo')).toMatchObject({ allowedOrigins: ['https://shop.example'] });
  });
});
