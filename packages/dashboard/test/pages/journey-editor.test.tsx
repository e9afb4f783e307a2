import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { choose, click, field, type, waitFor } from '../support/render.ts';

const setup = pageTest();

const container = () => setup.view.container;
const steps = () => [...container().querySelectorAll('ol.journey-map > li')].map((step) => step.querySelector('h3')!.textContent);
const stepFieldsets = (form: Element) => [...form.querySelectorAll('ol.journey-steps > li > fieldset')];
/** The survey checkbox labelled `name` in a step. */
const surveyBox = (step: Element, name: string) => [...step.querySelectorAll('label.check')].find((label) => label.textContent?.trim() === name)!.querySelector('input')!;
const tick = (box: HTMLInputElement) => act(() => {
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change', { bubbles: true }));
});

describe('journey editor', { timeout: 60_000 }, () => {
  it('an admin makes a journey step by step, reorders it, and sees it drawn; the collector stores it as shown', async () => {
    await setup.collector.admin('POST', '/v1/surveys', { id: 'support-ces', name: 'Support effort', metric: 'ces', allowedOrigins: [] });
    await setup.open('#/demo/journey');
    expect(container().querySelector('.notice')!.textContent).toContain('New journey');
    click(container(), 'New journey');
    const form = await waitFor(() => container().querySelector('form.journey-form'), container());

    type(field(form, 'Id'), 'online');
    type(field(form, 'Name'), 'Buying online');
    const [first] = stepFieldsets(form);
    expect(first.querySelector('legend')!.textContent).toBe('Step 1');
    // A new step is measured by the survey in view until unticked.
    expect(surveyBox(first, 'Demo shop').checked).toBe(true);
    type(field(first, 'Step name'), 'Checkout');
    type(field(first, 'Touchpoint'), 'checkout');

    click(form, 'Add a step');
    const second = await waitFor(() => stepFieldsets(form)[1], container());
    type(field(second, 'Step name'), 'Support');
    choose(field<HTMLSelectElement>(second, 'Counts the answers of'), 'journey');
    type(await waitFor(() => field<HTMLInputElement>(second, 'Journey step'), container()), 'help');
    tick(surveyBox(second, 'Demo shop'));
    tick(surveyBox(second, 'Support effort'));
    const moveUp = form.querySelector('[aria-label="Move step 2 up"]') as HTMLButtonElement;
    moveUp.focus();
    act(() => moveUp.click());
    expect(stepFieldsets(form).map((step) => (field(step, 'Step name') as HTMLInputElement).value)).toEqual(['Support', 'Checkout']);
    // The focus moves with the step, so a keyboard user can keep moving it.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move step 1 up');

    click(form, 'Create journey');
    await waitFor(() => steps().length === 2, container());
    expect(steps()).toEqual(['1 Support', '2 Checkout']);
    expect(container().textContent).toContain('Journey step: help');
    expect(await setup.collector.admin('GET', '/v1/journeys/online')).toMatchObject({
      name: 'Buying online',
      steps: [{ name: 'Support', journey: 'help', surveys: ['support-ces'] }, { name: 'Checkout', touchpoint: 'checkout', surveys: ['demo'] }],
    });
  });

  it('edits and deletes a journey, and shows the collector’s refusal in words, changing nothing', async () => {
    await setup.collector.admin('POST', '/v1/journeys', {
      id: 'shop', name: 'Shop', steps: [{ name: 'Search', touchpoint: 'search', surveys: ['demo'] }, { name: 'Delivery', touchpoint: 'delivery', surveys: ['demo'] }],
    });
    await setup.open('#/demo/journey');
    await waitFor(() => steps().length === 2, container());
    click(container(), 'Edit journey');
    const form = await waitFor(() => container().querySelector('form.journey-form'), container());

    // A step that no survey measures: the collector says which step and why, and keeps the journey as it was.
    tick(surveyBox(stepFieldsets(form)[0], 'Demo shop'));
    click(form, 'Save changes');
    const alert = await waitFor(() => form.querySelector('[role=alert]'), container());
    expect(alert.textContent).toContain('steps.0.surveys');
    expect(alert.textContent).toContain('at least one survey');
    expect((await setup.collector.admin('GET', '/v1/journeys/shop') as { steps: unknown[] }).steps).toHaveLength(2);

    tick(surveyBox(stepFieldsets(form)[0], 'Demo shop'));
    type(field(form, 'Name'), 'Shop online');
    act(() => (form.querySelector('[aria-label="Remove step 1"]') as HTMLButtonElement).click());
    click(form, 'Save changes');
    await waitFor(() => form.querySelector('[role=status]')?.textContent === 'Saved.', container());
    await waitFor(() => steps().length === 1, container());
    expect(steps()).toEqual(['1 Delivery']);
    expect(await setup.collector.admin('GET', '/v1/journeys/shop')).toMatchObject({ name: 'Shop online', steps: [{ name: 'Delivery', touchpoint: 'delivery' }] });

    click(form, 'Delete journey');
    const confirm = await waitFor(() => form.querySelector('[role=group]'), container());
    expect(confirm.textContent).toContain('Delete the journey "Shop online"? Its surveys and answers stay.');
    act(() => (confirm.querySelector('button.danger') as HTMLButtonElement).click());
    await waitFor(() => container().querySelector('.notice')?.textContent?.startsWith('No journeys yet'), container());
    expect(await setup.collector.admin('GET', '/v1/journeys')).toEqual({ journeys: [] });
  });

  it('offers no editing to a read key', async () => {
    await setup.collector.admin('POST', '/v1/journeys', { id: 'shop', name: 'Shop', steps: [{ name: 'Search', touchpoint: 'search', surveys: ['demo'] }] });
    await setup.open('#/demo/journey', { key: setup.collector.readKey });
    await waitFor(() => steps().length === 1, container());
    const buttons = [...container().querySelectorAll('button')].map((button) => button.textContent);
    expect(buttons).not.toContain('New journey');
    expect(buttons).not.toContain('Edit journey');
  });
});
