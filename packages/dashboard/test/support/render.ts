/** Renders Preact into happy-dom and waits for what the user would see. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Mounts `node` in a fresh container; `unmount()` cleans up. */
export function mount(node: ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container));
  return { container, unmount: () => { render(null, container); container.remove(); } };
}

/** Waits (re-rendering) until `check` returns a truthy value; fails with the container's text after about 3 s. */
export async function waitFor<T>(check: () => T | null | undefined | false, container?: Element): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const value = check();
    if (value) return value;
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
  throw new Error(`waitFor: gave up; the page says: ${container?.textContent?.slice(0, 500) ?? ''}`);
}

/** Sets an input's value and fires `input`, as typing does. */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
