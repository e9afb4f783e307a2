/** Renders Preact into happy-dom for component tests. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Mounts `node` in a fresh container on an empty body, rendered before this returns. */
export function mount(node: ComponentChild): HTMLElement {
  document.body.replaceChildren();
  const container = document.body.appendChild(document.createElement('div'));
  act(() => render(node, container));
  return container;
}

/** Runs a user action and lets Preact render what it changed. */
export function user(action: () => void): void {
  act(action);
}
