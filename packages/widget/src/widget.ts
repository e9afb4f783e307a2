import { SLUG_PATTERN } from '@npsloop/core';
import type { WidgetConfig, WidgetStrings } from './config';
import { ConsentStep } from './components/ConsentStep';
import { ScoreScale } from './components/ScoreScale';
import { WhyStep } from './components/WhyStep';
import { cleanVisitor, deviceClass, emailAddress, pagePath, plainText } from './context';
import { isEligible, loadRecord, RECORD_KEY, updateRecord } from './eligibility';
import { guarded } from './guarded';
import { randomId } from './ids';
import { createOutbox, type Outbox } from './outbox';
import { eventPayload, responsePayload, type Answer, type AnswerContext, type Visitor } from './payloads';
import { mount } from './mount';
import { localize, whyPrompt } from './strings';

/** What `on(event, fn)` can listen to. */
export type WidgetEvent = 'show' | 'score' | 'submit' | 'dismiss';

/** Who the site says the visitor is; `traits` become the response's properties. */
export interface Identity {
  userId?: string;
  email?: string;
  traits?: Record<string, unknown>;
}

/** The public commands, shared by the script tag's queue and the ESM entry. */
export interface Widget {
  show(options?: { force?: boolean }): void;
  identify(identity: Identity): void;
  track(touchpoint: string): void;
  reset(): void;
  on(event: WidgetEvent, listener: (detail?: unknown) => void): void;
  /** Runs a command by name; unknown commands and bad arguments are ignored, nothing throws. */
  run(command: unknown, ...args: unknown[]): void;
  /** Flushes the outbox, wires the page events and, in auto mode, schedules the prompt when eligible. */
  start(): void;
}

/** The steps of one survey; consent only when the visitor is identified or an email is asked for. */
export type Step = 'score' | 'why' | 'consent' | 'thanks';

/** One showing of the survey, from open to close. */
interface Showing extends Answer {
  step: Step;
  openedAt: number;
}

const THANKS_MS = 6000;
// Where focus goes on each step. On the score and thanks steps, the panel itself: a focus ring on
// "0" as the prompt opens would look like a suggested answer.
const FOCUS: Partial<Record<Step, string>> = { why: 'textarea', consent: 'input,.b' };

/** The survey controller: state, eligibility, delivery and rendering behind the public commands. */
export function createWidget(config: WidgetConfig, outbox: Outbox = createOutbox()): Widget {
  const listeners: Partial<Record<WidgetEvent, ((detail?: unknown) => void)[]>> = {};
  // With sampling, the visitor id must outlive the page, or a visitor sampled out would be re-rolled on the next one.
  let visitorId = (config.sample < 1 ? updateRecord(() => {}) : loadRecord()).visitorId;
  let identity: Visitor = {};
  let touchpoint = config.touchpoint;
  let showing: Showing | undefined;
  let strings: WidgetStrings;
  let locale = 'en';
  let host: HTMLElement | undefined;
  let panel: HTMLElement | undefined;
  let rtl = false;
  let returnFocus: HTMLElement | null = null;
  let thanksTimer: ReturnType<typeof setTimeout> | undefined;
  let hostRule: CSSStyleRule | undefined;

  // Lift the prompt above an on-screen keyboard, which shrinks only the visual viewport. Set through the
  // stylesheet's first (:host) rule, not a style attribute, so a strict CSP has nothing to object to.
  const avoidKeyboard = guarded(() => {
    const viewport = window.visualViewport!;
    hostRule?.style.setProperty('--kb', `${Math.max(0, innerHeight - viewport.height - viewport.offsetTop)}px`);
  });

  const emit = (event: WidgetEvent, detail?: unknown) => {
    for (const listener of listeners[event] ?? []) guarded(listener)(detail);
  };

  const context = (): AnswerContext => ({ surveyId: config.survey, touchpoint, channel: config.channel, locale, page: pagePath(location, config.pageQuery) });

  const sendEvent = (type: 'shown' | 'dismissed') => {
    const id = randomId();
    outbox.send(`${config.collector}/v1/events`, id, JSON.stringify(eventPayload(id, type, context())));
  };

  // A later body for the same response id replaces an earlier one in the outbox.
  const sendResponse = (answer: Answer) => {
    const device = deviceClass(innerWidth, !!window.matchMedia?.('(pointer:coarse)').matches);
    outbox.send(`${config.collector}/v1/responses`, answer.responseId, JSON.stringify(responsePayload(answer, context(), identity, config.journey, device)));
  };

  function moveTo(step: Step, moveFocus = true): void {
    if (!showing || !panel) return;
    showing.step = step;
    const live = panel.lastChild as HTMLElement;
    (panel.firstChild as HTMLElement).replaceChildren(
      step === 'score'
        ? ScoreScale({ question: strings.question, low: strings.low, high: strings.high, rtl, onScore: score })
        : step === 'why'
          ? WhyStep({ prompt: whyPrompt(strings, showing.score!), send: strings.send, onComment: comment })
          : step === 'consent'
            ? ConsentStep({ question: strings.consent, yes: strings.yes, no: strings.no, emailLabel: config.askEmail && !identity.email ? strings.email : undefined, onConsent: consent })
            : '',
    );
    // The thanks text is the live region itself, made visible.
    live.className = step === 'thanks' ? 'q k' : 'v';
    live.textContent = step === 'why' ? whyPrompt(strings, showing.score!) : step === 'consent' ? strings.consent : step === 'thanks' ? strings.thanks : '';
    if (moveFocus) (FOCUS[step] ? panel.querySelector<HTMLElement>(FOCUS[step]) : panel)?.focus({ preventScroll: true });
  }

  function score(value: number): void {
    if (!showing) return;
    showing.score = value;
    updateRecord((record) => (record.answeredAt[config.survey] = Date.now()));
    sendResponse(showing);
    emit('score', value);
    moveTo('why');
  }

  function comment(text: string): void {
    if (!showing) return;
    showing.comment = plainText(text, 5000);
    if (showing.comment) sendResponse(showing);
    if (identity.userId || identity.email || config.askEmail) moveTo('consent');
    else finish();
  }

  function consent(given: boolean, email?: string): void {
    if (!showing) return;
    showing.consent = given;
    showing.email = emailAddress(email);
    sendResponse(showing);
    finish();
  }

  function finish(): void {
    emit('submit', { score: showing?.score, comment: showing?.comment, consent: showing?.consent });
    moveTo('thanks');
    thanksTimer = setTimeout(guarded(close), THANKS_MS);
  }

  /** Closes the prompt; `byVisitor` before a score counts as a dismissal. */
  function close(byVisitor?: boolean): void {
    if (!showing) return;
    if (byVisitor === true && showing.step === 'score') {
      updateRecord((record) => (record.dismissedAt[config.survey] = Date.now()));
      sendEvent('dismissed');
      emit('dismiss');
    }
    clearTimeout(thanksTimer);
    // Give focus back only if it is still ours: the visitor may have moved on while the thanks showed.
    const hadFocus = document.activeElement === host;
    showing = panel = undefined;
    host?.remove();
    window.visualViewport?.removeEventListener('resize', avoidKeyboard);
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  }

  function open(): void {
    ({ locale, strings } = localize([config.locale, document.documentElement.lang, navigator.language], config.brand, config.strings));
    ({ host, panel, hostRule, rtl } = mount(config, strings.close, () => close(true)));
    window.visualViewport?.addEventListener('resize', avoidKeyboard);
    const active = document.activeElement as HTMLElement | null;
    returnFocus = active === document.body ? null : active;
    showing = { step: 'score', responseId: randomId(), openedAt: Date.now() };
    // Never pull focus out of a field the visitor is typing in.
    moveTo('score', !active?.matches('input,textarea,select,[contenteditable]'));
    sendEvent('shown');
    emit('show');
  }

  const eligible = () => isEligible(loadRecord(), config, identity.userId ?? visitorId, Date.now());

  const widget: Widget = {
    show(options) {
      // Loaded from <head> before the body exists: show once it does.
      if (!document.body) document.addEventListener('DOMContentLoaded', () => widget.run('show', options), { once: true });
      else if (!showing && config.survey && config.collector && (options?.force || eligible())) open();
    },
    identify(who) {
      identity = cleanVisitor(who);
    },
    track(name) {
      if (SLUG_PATTERN.test(name)) touchpoint = name;
    },
    reset() {
      identity = {};
      visitorId = updateRecord((record) => (record.visitorId = randomId())).visitorId;
      close();
    },
    on(event, listener) {
      if (typeof listener === 'function') (listeners[event] ??= []).push(listener);
    },
    run(command, ...args) {
      try {
        if (command !== 'run' && command !== 'start') (widget[command as keyof Widget] as (...input: unknown[]) => void)(...args);
      } catch {}
    },
    start() {
      if (!config.survey || !config.collector) return;
      outbox.flush();
      addEventListener('online', guarded(outbox.flush));
      addEventListener('pagehide', guarded(outbox.flushOnHide));
      // Another tab answered or dismissed this survey: close the untouched prompt here too.
      addEventListener('storage', guarded((event: StorageEvent) => {
        if (event.key !== RECORD_KEY || showing?.step !== 'score') return;
        const record = loadRecord();
        if (Math.max(record.answeredAt[config.survey] ?? 0, record.dismissedAt[config.survey] ?? 0) >= showing.openedAt) close();
      }));
      if (config.minPageviews) updateRecord((record) => record.pageViews++);
      if (config.mode === 'auto' && eligible()) setTimeout(() => widget.run('show'), config.delay * 1000);
    },
  };
  return widget;
}
