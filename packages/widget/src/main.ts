// The script-tag entry (dist/widget.js). Reads the options from the script's
// data-* attributes, installs `window.npsloop` and replays the calls queued
// before the script loaded. Nothing here may throw into the host page.
import { readConfig } from './config';
import { createWidget } from './widget';

/** `window.npsloop`: the queue stub a page installs, then the real command function. */
interface CommandFunction {
  (command?: unknown, ...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
  loaded?: boolean;
}

declare global {
  interface Window {
    npsloop?: CommandFunction;
  }
}

try {
  // currentScript is null when a tag manager or bundler runs the script another way.
  const script = (document.currentScript ?? document.querySelector('script[data-survey]')) as HTMLScriptElement | null;
  const queued = window.npsloop;
  if (!queued?.loaded) {
    const widget = createWidget(readConfig({ ...script?.dataset }, script?.src || location.href, location.hostname));
    const npsloop: CommandFunction = (command, ...args) => widget.run(command, ...args);
    npsloop.loaded = true;
    window.npsloop = npsloop;
    for (const args of queued?.q ?? []) npsloop(...(Array.from(args) as [unknown]));
    widget.start();
  }
} catch {}
