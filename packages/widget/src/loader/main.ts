// The script-tag entry (dist/widget.js), always loaded and kept small: no
// Preact here. Reads the options from the script's data-* attributes, installs
// `window.npsloop` and replays the calls queued before the script loaded; the
// survey UI is a separate chunk, loaded only when the survey is about to show.
// Nothing here may throw into the host page.
import { readConfig } from './config';
import { createWidget } from './controller';
import { loadUiScript } from './ui-script';

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

/** The UI chunk's file name (next to widget.js) and its Subresource Integrity hash, filled in by the build. */
declare const __NPSLOOP_UI__: { file: string; integrity: string };

try {
  // currentScript is null when a tag manager or bundler runs the script another way.
  const script = (document.currentScript ?? document.querySelector('script[data-survey]')) as HTMLScriptElement | null;
  const queued = window.npsloop;
  if (!queued?.loaded) {
    // The page's nonce on this script tag serves the UI chunk and its style too, unless data-nonce says otherwise.
    const config = readConfig({ nonce: script?.nonce, ...script?.dataset }, script?.src || location.href);
    // The chunk sits next to widget.js (the collector serves both; a self-hosted copy keeps them together).
    const chunk = new URL(__NPSLOOP_UI__.file, script?.src || config.collector + '/').href;
    const widget = createWidget(config, () => loadUiScript(chunk, __NPSLOOP_UI__.integrity, config.nonce));
    const npsloop: CommandFunction = (command, ...args) => widget.run(command, ...args);
    npsloop.loaded = true;
    window.npsloop = npsloop;
    for (const args of queued?.q ?? []) npsloop(...(Array.from(args) as [unknown]));
    widget.start();
  }
} catch {}
