import { h, render } from 'preact';
import type { BuiltInLocale, Properties, ResponsePayload } from '@npsloop/core';
import type { WidgetConfig, WidgetStrings } from './config';
import { Survey, type Step } from './components/Survey';
import { cleanProperties, deviceClass, pagePath } from './context';
import { isEligible, loadRecord, RECORD_KEY, updateRecord } from './eligibility';
import { randomId } from './ids';
import { createOutbox, type Outbox } from './outbox';
import { localize } from './strings';
import { styles } from './styles';

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
  /** Runs a queued command by name; unknown commands and bad arguments are ignored. */
  run(command: unknown, ...args: unknown[]): void;
  /** Flushes the outbox, wires the page events and, in auto mode, schedules the prompt when eligible. */
  start(): void;
}

interface SurveyState {
  step?: Step;
  responseId?: string;
  checked?: number;
  score?: number;
  comment?: string;
  consent?: boolean;
  email?: string;
  openedAt?: number;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;
const THANKS_SECONDS = 6;
const FOCUS_TARGET: Record<Step, string> = { score: '[role=radio][tabindex="0"]', why: 'textarea', consent: 'input,button.b', thanks: '.p' };

function shortText(value: unknown, maxLength: number): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, maxLength) : undefined;
}

function isEditable(element: Element | null): boolean {
  return !!element && (/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) || (element as HTMLElement).isContentEditable);
}

/** The survey controller: state, eligibility, delivery and rendering, behind the public commands. */
export function createWidget(config: WidgetConfig, outbox: Outbox = createOutbox()): Widget {
  const listeners: Partial<Record<WidgetEvent, ((detail?: unknown) => void)[]>> = {};
  const visitorId = loadRecord().visitorId;
  let identity: { userId?: string; email?: string; properties?: Properties } = {};
  let touchpoint = config.touchpoint;
  let state: SurveyState = {};
  let locale: BuiltInLocale = 'en';
  let strings: WidgetStrings;
  let host: HTMLElement | undefined;
  let mount: HTMLElement | undefined;
  let rtl = false;
  let returnFocus: HTMLElement | null = null;
  let thanksTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = (event: WidgetEvent, detail?: unknown) => {
    for (const listener of listeners[event] ?? []) {
      try {
        listener(detail);
      } catch {}
    }
  };

  const context = () => ({
    surveyId: config.surveyId,
    touchpoint,
    channel: config.channel,
    journey: config.journey,
    locale,
    page: pagePath(location, config.pageQuery),
  });

  const sendEvent = (type: 'shown' | 'dismissed') => {
    const { journey: _journey, ...event } = context();
    const id = randomId();
    outbox.send(`${config.collector}/v1/events`, id, JSON.stringify({ id, ...event, type }));
  };

  const sendResponse = () => {
    const { userId, email, properties } = identity;
    const contactEmail = state.consent ? email ?? state.email : undefined;
    const payload: ResponsePayload = {
      id: state.responseId!,
      ...context(),
      score: state.score!,
      comment: state.comment,
      consent: state.consent,
      respondent: userId || contactEmail ? { userId, email: contactEmail } : undefined,
      device: deviceClass(innerWidth, matchMedia('(pointer:coarse)').matches),
      properties,
    };
    outbox.send(`${config.collector}/v1/responses`, payload.id, JSON.stringify(payload));
  };

  const view = (moveFocus = true) => {
    if (!mount) return;
    render(
      state.step
        ? h(Survey, {
            step: state.step,
            strings,
            brand: config.brand,
            position: config.position,
            theme: config.theme,
            rtl,
            checked: state.checked,
            score: state.score,
            askEmail: config.askEmail && !identity.email,
            onMove: (score: number) => {
              state.checked = score;
              view();
            },
            onScore: pick,
            onComment: comment,
            onConsent: consent,
            onClose: () => close(true),
          })
        : null,
      mount,
    );
    if (state.step && moveFocus) mount.querySelector<HTMLElement>(FOCUS_TARGET[state.step])?.focus({ preventScroll: true });
  };

  const moveTo = (step: Step) => {
    state.step = step;
    view();
  };

  function pick(score: number): void {
    state.score = state.checked = score;
    updateRecord((record) => (record.answeredAt[config.surveyId] = Date.now()));
    sendResponse();
    emit('score', score);
    moveTo('why');
  }

  function comment(text: string): void {
    state.comment = shortText(text, 5000);
    if (state.comment) sendResponse();
    if (identity.userId || identity.email || config.askEmail) moveTo('consent');
    else finish();
  }

  function consent(given: boolean, email?: string): void {
    state.consent = given;
    state.email = email && EMAIL_PATTERN.test(email) ? email : undefined;
    sendResponse();
    finish();
  }

  function finish(): void {
    emit('submit', { score: state.score, comment: state.comment, consent: state.consent });
    moveTo('thanks');
    thanksTimer = setTimeout(() => close(false), THANKS_SECONDS * 1000);
  }

  function close(byVisitor: boolean): void {
    if (!state.step) return;
    if (byVisitor && state.step === 'score') {
      updateRecord((record) => (record.dismissedAt[config.surveyId] = Date.now()));
      sendEvent('dismissed');
      emit('dismiss');
    }
    clearTimeout(thanksTimer);
    state = {};
    view();
    host?.remove();
    host = mount = undefined;
    if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  }

  const eligible = () => isEligible(loadRecord(), config, identity.userId ?? visitorId, Date.now());

  function open(): void {
    ({ locale, strings } = localize([config.locale, document.documentElement.lang, navigator.language], config.brand, config.strings));
    host = document.createElement('npsloop-widget');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    if (config.nonce) style.setAttribute('nonce', config.nonce);
    style.textContent = styles(config.accent);
    mount = document.createElement('div');
    shadow.append(style, mount);
    document.body.append(host);
    rtl = getComputedStyle(host).direction === 'rtl';
    const active = document.activeElement as HTMLElement | null;
    // Never pull focus out of a field the visitor is typing in.
    returnFocus = active && active !== document.body ? active : null;
    state = { step: 'score', responseId: randomId(), openedAt: Date.now() };
    view(!isEditable(active));
    sendEvent('shown');
    emit('show');
  }

  const widget: Widget = {
    show(options) {
      if (state.step || !config.surveyId || !config.collector || !document.body) return;
      if (options?.force || eligible()) open();
    },
    identify(who) {
      identity = {
        userId: shortText(who?.userId, 128),
        email: who?.email && EMAIL_PATTERN.test(who.email) ? who.email.slice(0, 254) : undefined,
        properties: cleanProperties(who?.traits),
      };
    },
    track(name) {
      touchpoint = shortText(name, 64) ?? touchpoint;
    },
    reset() {
      identity = {};
      close(false);
    },
    on(event, listener) {
      if (typeof listener === 'function') (listeners[event] ??= []).push(listener);
    },
    run(command, ...args) {
      try {
        const method = widget[command as keyof Widget] as ((...input: unknown[]) => void) | undefined;
        if (typeof method === 'function' && command !== 'run' && command !== 'start') method(...args);
      } catch {}
    },
    start() {
      if (!config.surveyId || !config.collector) return;
      outbox.flush();
      addEventListener('online', outbox.flush);
      addEventListener('pagehide', outbox.flushOnHide);
      // Another tab answered or dismissed: close the untouched prompt here too.
      addEventListener('storage', (event) => {
        const record = event.key === RECORD_KEY && state.step === 'score' && loadRecord();
        const since = state.openedAt ?? 0;
        if (record && Math.max(record.answeredAt[config.surveyId] ?? 0, record.dismissedAt[config.surveyId] ?? 0) >= since) close(false);
      });
      if (config.minPageViews) updateRecord((record) => record.pageViews++);
      if (config.mode === 'auto' && eligible()) setTimeout(() => widget.show(), config.delaySeconds * 1000);
    },
  };
  return widget;
}
