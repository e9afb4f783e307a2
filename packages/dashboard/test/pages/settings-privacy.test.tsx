import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { field, type, waitFor } from '../support/render.ts';

const setup = pageTest();

const submit = (form: Element) => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

describe('settings: privacy', { timeout: 60_000 }, () => {
  it('erases everything about one respondent after the "cannot be undone" tick, and reports what went', async () => {
    await setup.collector.answer('erase-me-0001', 2, 'Call me back', 'ann@example.com');
    await setup.collector.answer('erase-me-0002', 9, 'Better now', 'ann@example.com');
    await setup.collector.answer('keep-me-0001', 3, 'Slow', 'bob@example.com');
    await setup.open('#/demo/settings/privacy');
    const form = setup.view.container.querySelector('form.erase-form')!;
    type(field(form, 'Their email address'), 'ANN@example.com');
    const erase = [...form.querySelectorAll('button')].find((button) => button.textContent === 'Erase everything about this person')!;
    expect(erase.disabled).toBe(true);
    field(form, 'I understand this cannot be undone').click();
    await waitFor(() => !erase.disabled, setup.view.container);
    submit(form);
    const report = await waitFor(() => setup.view.container.querySelector('[data-testid=erased]')?.textContent, setup.view.container);
    expect(report).toBe('Erased. Responses: 2, loops: 1, notes: 0, action links: 0, webhook deliveries: 0.');
    const { responses } = await setup.collector.admin<{ responses: { id: string }[] }>('GET', '/v1/surveys/demo/responses');
    expect(responses.map((response) => response.id)).toEqual(['keep-me-0001']);
    expect(setup.view.container.querySelector('[data-testid=retention]')!.textContent).toBe('No retention period is set: comments and personal data are kept until a respondent is erased.');
    expect(setup.view.container.textContent).toContain('--retention-days');
  });

  it('sets a retention period after the "cannot be undone" tick, then turns it off again', async () => {
    await setup.open('#/demo/settings/privacy');
    const form = setup.view.container.querySelector('form.retention-form')!;
    const save = () => [...form.querySelectorAll('button')].find((button) => button.textContent === 'Save retention')!;
    expect(save().disabled).toBe(true);
    act(() => field(form, 'for a number of days').click());
    type(field(form, 'Days to keep'), '0');
    expect(save().disabled).toBe(true);
    type(field(form, 'Days to keep'), '30');
    expect(form.querySelector('[data-testid=purge-warning]')!.textContent).toBe('Saving clears comments and personal data older than 30 days right away. This cannot be undone.');
    expect(save().disabled).toBe(true);
    act(() => field(form, 'I understand that saving clears this data now').click());
    await waitFor(() => !save().disabled, setup.view.container);
    submit(form);
    await waitFor(() => setup.view.container.querySelector('[data-testid=retention]')?.textContent
      === 'Comments and personal data older than 30 days are cleared every hour; scores, loops and their dates stay.', setup.view.container);
    expect(setup.view.container.querySelector('[role=status]')!.textContent).toBe('Retention saved.');
    expect(await setup.collector.admin('GET', '/v1/privacy')).toEqual({ retentionDays: 30, source: 'setting', stored: 30 });

    // Keeping things longer clears nothing, so no tick is asked for.
    const again = setup.view.container.querySelector('form.retention-form')!;
    act(() => field(again, 'until a respondent is erased').click());
    expect(again.querySelector('[data-testid=purge-warning]')).toBeNull();
    submit(again);
    await waitFor(() => setup.view.container.querySelector('[data-testid=retention]')?.textContent
      === 'No retention period is set: comments and personal data are kept until a respondent is erased.', setup.view.container);
    expect(await setup.collector.admin('GET', '/v1/privacy')).toEqual({ retentionDays: null, source: 'off', stored: null });
  });

  it('shows a retention period set by the collector’s flag as fixed, with no form', async () => {
    await setup.restart({ retentionDays: 90 });
    await setup.open('#/demo/settings/privacy');
    expect(setup.view.container.querySelector('[data-testid=retention]')!.textContent).toBe('Comments and personal data older than 90 days are cleared every hour; scores, loops and their dates stay.');
    expect(setup.view.container.querySelector('[data-testid=retention-flag]')!.textContent)
      .toBe('Set when the collector started (--retention-days or NPSLOOP_RETENTION_DAYS), which takes precedence: it cannot be changed here while the collector runs with it.');
    expect(setup.view.container.querySelector('form.retention-form')).toBeNull();
  });

  it('needs an admin key: a read key sees why, and no admin-only request is made', async () => {
    await setup.open('#/demo/settings/privacy', { key: setup.collector.readKey });
    expect(setup.view.container.querySelector('.notice')!.textContent).toMatch(/^These settings need an admin key/);
    expect(setup.view.container.querySelector('form')).toBeNull();
  });
});
