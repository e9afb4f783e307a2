import { render } from 'preact';
import type { MountSurvey } from '../survey-view';
import { readLooks } from './looks';
import { surveyWords } from './strings';
import { styles } from './styles';
import { Survey } from './Survey';

/**
 * Draws the survey: a `<npsloop-widget>` at the end of the body with an open
 * shadow root holding the nonce'd stylesheet and the Preact `<Survey>`.
 */
export const mountSurvey: MountSurvey = (view) => {
  const host = document.createElement('npsloop-widget');
  const root = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  const active = document.activeElement as HTMLElement | null;
  const returnFocus = active === document.body ? null : active;
  // Direction is inherited from the page (`all` does not reset it): mirror the arrow keys to match.
  const rtl = getComputedStyle(host).direction === 'rtl';
  const looks = readLooks(view.page.looks);
  const words = surveyWords(view.page, view.survey);
  let hostRule: CSSStyleRule | undefined;

  // Lift the prompt above an on-screen keyboard, which shrinks only the visual viewport. Set through the
  // stylesheet's first (:host) rule, not a style attribute, so a strict CSP has nothing to object to.
  const avoidKeyboard = () => {
    const viewport = window.visualViewport!;
    hostRule?.style.setProperty('--kb', `${Math.max(0, innerHeight - viewport.height - viewport.offsetTop)}px`);
  };
  window.visualViewport?.addEventListener('resize', avoidKeyboard);

  const close = () => {
    // Give focus back only if it is still ours: the visitor may have moved on while the thanks showed.
    const hadFocus = document.activeElement === host;
    render(null, root);
    host.remove();
    window.visualViewport?.removeEventListener('resize', avoidKeyboard);
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
  };
  const draw = (failed: boolean) =>
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
  draw(false);
  return { locale: words.locale, fail: () => draw(true), close };
};
