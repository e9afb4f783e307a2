/** A widget on a fresh page of happy-dom, talking to a real in-memory collector, with the real Preact UI. */
import { readConfig, type ConfigAttributes } from '../../src/loader/config';
import { createWidget, type WidgetEvent } from '../../src/loader/controller';
import type { MountSurvey } from '../../src/survey-view';
import { mountSurvey } from '../../src/ui/mount-survey';
import { waitFor, type testCollector } from './collector';

type Collector = Awaited<ReturnType<typeof testCollector>>;

/** Starts nothing: returns the widget and ways to look at what the visitor sees and what was sent. */
export function setupWidget(collector: Collector, attributes: ConfigAttributes = {}, loadUi: () => Promise<MountSurvey> = async () => mountSurvey) {
  const uiLoads: number[] = [];
  const config = readConfig({ survey: 'demo', ...attributes }, `${collector.url}/widget.js`);
  const widget = createWidget(config, () => {
    uiLoads.push(Date.now());
    return loadUi();
  }, collector.send);
  const events: { event: WidgetEvent; detail: unknown }[] = [];
  for (const event of ['show', 'score', 'submit', 'dismiss', 'skip'] as const) widget.on(event, (detail) => events.push({ event, detail }));
  const root = () => document.querySelector('npsloop-widget')?.shadowRoot ?? null;
  const $ = <T extends Element = HTMLElement>(selector: string) => root()?.querySelector<T>(selector) ?? null;
  const button = (name: string) => [...(root()?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent === name || candidate.getAttribute('aria-label') === name)!;
  const sentTo = (path: string) => collector.requests.filter((request) => request.path === path).map((request) => request.body!);
  return {
    widget,
    uiLoads,
    events,
    root,
    $,
    button,
    /** What the visitor reads in the survey (its visible text). */
    text: () => root()?.querySelector('[role=dialog]')?.textContent ?? '',
    /** Waits for the score scale. */
    shown: () => waitFor(() => $('[role=radiogroup]'), 'the score scale'),
    /** Waits for the loader's decision not to show, and returns its reason. */
    skipped: () => waitFor(() => events.find((entry) => entry.event === 'skip')?.detail as string | undefined, 'a skip'),
    /** Lets Preact render a state change (it does so in a microtask queued by the change). */
    rendered: () => Promise.resolve(),
    responses: () => sentTo('/v1/responses'),
    eventTypes: () => sentTo('/v1/events').map((body) => body.type),
  };
}
