import type { Page } from 'playwright-core';

// Signals that the widget's loader has decided, so tests wait for a decision
// instead of sleeping and then asserting that nothing happened.

declare global {
  interface Window {
    /** Reasons the loader gave for not showing, in order (filled by `watchSkips`). */
    npsloopSkips?: string[];
  }
}

/**
 * Installs the command queue before any script of the page runs, with a `skip`
 * listener the loader replays: each decision not to show lands in `window.npsloopSkips`.
 */
export async function watchSkips(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const queue = function (...args: unknown[]) {
      (queue.q = queue.q || []).push(args);
    } as ((...args: unknown[]) => void) & { q?: unknown[][] };
    (window as unknown as { npsloop: typeof queue }).npsloop = queue;
    window.npsloopSkips = [];
    queue('on', 'skip', (reason: string) => window.npsloopSkips!.push(reason));
  });
}

/** Waits for the loader's next decision not to show (after `seen` earlier ones) and returns its reason. */
export async function nextSkip(page: Page, seen = 0): Promise<string> {
  const reason = await page.waitForFunction((count) => window.npsloopSkips?.[count], seen);
  return (await reason.jsonValue()) as string;
}

/** Waits until widget.js has run: the real `npsloop()` is installed and the queued calls are replayed. */
export async function loaderRan(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { npsloop?: { loaded?: boolean } }).npsloop?.loaded === true);
}
