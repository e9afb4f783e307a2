// The ESM entry for bundlers: the same commands as the script tag's
// `npsloop(...)`, as functions. Call `init` once with the options the script
// tag takes as data-* attributes, in camelCase (`survey`, `collector`, …).
// The survey UI (Preact) is a dynamic import, fetched only when it shows.
import { readConfig } from './loader/config';
import { createWidget, type Identity, type Widget, type WidgetEvent } from './loader/controller';

export type { Identity, WidgetEvent } from './loader/controller';
export type { PageConfig, Mode } from './loader/config';
export type { Position, Theme, WidgetStrings } from './survey-view';

/** Options for `init`: the data-* attribute names in camelCase, e.g. `{ survey: 'homepage', resurveyDays: 60 }`, and the hooks. */
export interface InitOptions {
  [option: string]: string | number | boolean | undefined | ((detail: never) => void);
  onShow?: () => void;
  onScore?: (score: number) => void;
  onSubmit?: (answer: { score: number; comment?: string; consent?: boolean }) => void;
  onDismiss?: () => void;
  /** Why the survey did not show: `answered`, `dismissed`, `pageviews`, `sampled`, `paused`, `refused` or `unavailable`. */
  onSkip?: (reason: string) => void;
}

let widget: Widget | undefined;

/** Configures and starts the widget; later calls are ignored. */
export function init(options: InitOptions): void {
  try {
    if (widget) return;
    const attributes: Record<string, string> = {};
    const hooks: [WidgetEvent, (detail?: unknown) => void][] = [];
    for (const [name, value] of Object.entries(options)) {
      if (typeof value === 'function') hooks.push([name.slice(2).toLowerCase() as WidgetEvent, value as (detail?: unknown) => void]);
      else if (value !== undefined && value !== false) attributes[name] = String(value);
    }
    widget = createWidget(readConfig(attributes, location.href), () => import('./ui/mount-survey').then((ui) => ui.mountSurvey));
    for (const [event, listener] of hooks) widget.on(event, listener);
    widget.start();
  } catch {}
}

/** Shows the survey when the visitor is eligible, or always with `{ force: true }` (never while the survey is paused). */
export function show(options?: { force?: boolean }): void {
  widget?.run('show', options);
}

/** Tells who the visitor is: `userId`, `email` and `traits` (sent as the response's properties). */
export function identify(identity: Identity): void {
  widget?.run('identify', identity);
}

/** Sets the touchpoint later answers are attributed to (e.g. after a route change). */
export function track(touchpoint: string): void {
  widget?.run('track', touchpoint);
}

/** Forgets the identified visitor and closes an open prompt. */
export function reset(): void {
  widget?.run('reset');
}

/** Listens to `show`, `score`, `submit`, `dismiss` or `skip`. */
export function on(event: WidgetEvent, listener: (detail?: unknown) => void): void {
  widget?.run('on', event, listener);
}
