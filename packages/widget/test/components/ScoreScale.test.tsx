import { describe, expect, it, vi } from 'vitest';
import { nextScore, ScoreScale } from '../../src/components/ScoreScale';
import { mount, user } from '../support/render';

function renderScale(rtl = false, lowest = 0, highest = 10) {
  const onScore = vi.fn();
  mount(<ScoreScale question="How likely?" low="Not at all likely" high="Extremely likely" lowest={lowest} highest={highest} rtl={rtl} onScore={onScore} />);
  const radios = [...document.querySelectorAll<HTMLButtonElement>('[role=radio]')];
  const press = (key: string) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    user(() => (document.activeElement as HTMLElement).dispatchEvent(event));
    return event;
  };
  return { onScore, radios, press, checked: () => radios.filter((radio) => radio.getAttribute('aria-checked') === 'true').map((radio) => radio.textContent) };
}

describe('ScoreScale', () => {
  it('is a radio group named by the question, with eleven options named 0 to 10', () => {
    const { radios } = renderScale();
    const group = document.querySelector('[role=radiogroup]')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).toBe('How likely?');
    expect(radios.map((radio) => radio.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(radios.every((radio) => radio.getAttribute('aria-checked') === 'false')).toBe(true);
  });

  it('ties the end labels to the first and last option', () => {
    const { radios } = renderScale();
    expect(document.getElementById(radios[0].getAttribute('aria-describedby')!)!.textContent).toBe('Not at all likely');
    expect(document.getElementById(radios[10].getAttribute('aria-describedby')!)!.textContent).toBe('Extremely likely');
    expect(radios.slice(1, 10).some((radio) => radio.hasAttribute('aria-describedby'))).toBe(false);
  });

  it('has one tab stop, moved by the arrow keys, which check without answering', () => {
    const { radios, press, checked, onScore } = renderScale();
    expect(radios.filter((radio) => radio.tabIndex === 0)).toEqual([radios[0]]);
    radios[0].focus();
    expect(press('ArrowRight').defaultPrevented).toBe(true);
    press('ArrowRight');
    expect(checked()).toEqual(['2']);
    expect(document.activeElement).toBe(radios[2]);
    expect(radios.filter((radio) => radio.tabIndex === 0)).toEqual([radios[2]]);
    press('End');
    expect(checked()).toEqual(['10']);
    press('ArrowDown');
    expect(checked()).toEqual(['0']);
    press('Tab');
    expect(onScore).not.toHaveBeenCalled();
  });

  it('answers on a click (which is also what Space and Enter do on a button)', () => {
    const { radios, onScore } = renderScale();
    radios[8].click();
    expect(onScore).toHaveBeenCalledWith(8);
  });

  it.each([
    ['CSAT', 1, 5, ['1', '2', '3', '4', '5']],
    ['CES', 1, 7, ['1', '2', '3', '4', '5', '6', '7']],
  ] as const)('draws the %s scale: its points, end labels on the first and last, wrapping arrows, the point answered', (_name, lowest, highest, names) => {
    const { radios, press, checked, onScore } = renderScale(false, lowest, highest);
    expect(radios.map((radio) => radio.textContent)).toEqual(names);
    expect(document.getElementById(radios[0].getAttribute('aria-describedby')!)!.textContent).toBe('Not at all likely');
    expect(document.getElementById(radios.at(-1)!.getAttribute('aria-describedby')!)!.textContent).toBe('Extremely likely');
    radios[0].focus();
    press('ArrowLeft');
    expect(checked()).toEqual([String(highest)]);
    press('Home');
    expect(checked()).toEqual(['1']);
    radios[1].click();
    expect(onScore).toHaveBeenCalledWith(2);
  });

  it('mirrors the arrow keys on right-to-left pages', () => {
    const { radios, press, checked } = renderScale(true);
    radios[0].focus();
    press('ArrowLeft');
    expect(checked()).toEqual(['1']);
  });
});

describe('nextScore', () => {
  it.each([
    ['ArrowRight', 4, false, 5],
    ['ArrowDown', 4, false, 5],
    ['ArrowLeft', 4, false, 3],
    ['ArrowUp', 4, false, 3],
    ['ArrowRight', 10, false, 0],
    ['ArrowLeft', 0, false, 10],
    ['ArrowLeft', 4, true, 5],
    ['ArrowRight', 4, true, 3],
    ['Home', 7, false, 0],
    ['End', 2, false, 10],
    ['Enter', 2, false, undefined],
    ['a', 2, false, undefined],
  ] as const)('%s from %i (rtl %s) → %s', (key, current, rtl, expected) => {
    expect(nextScore(key, current, rtl)).toBe(expected);
  });

  it.each([
    ['ArrowRight', 4, 5, 0],
    ['ArrowLeft', 0, 7, 6],
    ['End', 0, 5, 4],
  ] as const)('%s from position %i of %i → %i', (key, current, count, expected) => {
    expect(nextScore(key, current, false, count)).toBe(expected);
  });
});
