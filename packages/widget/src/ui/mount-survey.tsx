import { render } from 'preact';
import type { MountSurvey } from '../survey-view';
import { readLooks } from './looks';
import { surveyWords } from './strings';
import { styles } from './styles';
import { Survey } from './Survey';

/**
 * Draws the survey: a `<npsloop-widget>` at the end of the body with an open
 * shadow root holding the nonce'd stylesheet and the Preact `<Survey>`.
 * Throws (leaving nothing in the page) when it cannot draw it whole.
 */
export const mountSurvey: MountSurvey = (view) => {
  const looks = readLooks(view.page.looks);
  const words = surveyWords(view.page, view.survey);
  const active = document.activeElement as HTMLElement | null;
  const returnFocus = active === document.body ? null : active;
  const host = document.createElement('npsloop-widget');
  const root = host.attachShadow({ mode: 'open' });
  let hostRule: CSSStyleRule | undefined;

  // Lift the prompt above an on-screen keyboard, which shrinks only the visual viewport. Set through the
  // stylesheet's first (:host) rule, not a style attribute, so a strict CSP has nothing to object to.
  const avoidKeyboard = () => {
    const viewport = window.visualViewport!;
    hostRule?.style.setProperty('--kb', `${Math.max(0, innerHeight - viewport.height - viewport.offsetTop)}px`);
  };

  const close = () => {
    // Give focus back only if it is still ours: the visitor may have moved on while the thanks showed.
    const hadFocus = document.activeElement === host;
    render(null, root);
    host.remove();
    window.visualViewport?.removeEventListener('resize', avoidKeyboard);
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
  };
  const draw = (failed: boolean, rtl: boolean) =>
    render(
      <>
        <style nonce={view.page.nonce} ref={(style) => {
          hostRule = style?.sheet?.cssRules[0] as CSSStyleRule | undefined;
        }}>{styles(looks.accent)}</style>
        <Survey
          view={view}
          words={words}
          looks={looks}
          rtl={rtl}
          failed={failed}
          // Never pull focus out of a field the visitor is typing in.
          takeFocus={!active?.matches('input,textarea,select,[contenteditable]')}
          onClose={() => {
            close();
            view.onClose();
          }}
        />
      </>,
      root,
    );

  let rtl = false;
  try {
    document.body.append(host);
    // Direction is inherited from the page (`all` does not reset it): mirror the arrow keys to match.
    rtl = getComputedStyle(host).direction === 'rtl';
    draw(false, rtl);
  } catch (error) {
    // Never leave a half-drawn survey in the page; the loader treats this like a chunk that did not load.
    host.remove();
    throw error;
  }
  window.visualViewport?.addEventListener('resize', avoidKeyboard);
  return { locale: words.locale, fail: () => draw(true, rtl), close };
};
