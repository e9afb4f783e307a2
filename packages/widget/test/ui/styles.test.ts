import { describe, expect, it } from 'vitest';
import { styles, textOn } from '../../src/ui/styles';

describe('textOn', () => {
  it.each([
    ['#2563eb', '#fff'],
    ['#000', '#fff'],
    ['#ffd60a', '#111'],
    ['#FFFFFF', '#111'],
    ['rebeccapurple', '#fff'],
  ])('%s → %s', (accent, expected) => {
    expect(textOn(accent)).toBe(expected);
  });
});

describe('styles', () => {
  it('resets the host, keeps every rule inside the shadow root, and themes through custom properties', () => {
    const css = styles();
    expect(css.startsWith(':host{all:initial!important}')).toBe(true);
    expect(css).toContain('var(--npsloop-accent,#2563eb)');
    expect(css).toContain('prefers-reduced-motion:no-preference');
  });

  it('puts the site accent and a readable text colour on :host', () => {
    expect(styles('#ffd60a')).toMatch(/^:host\{--npsloop-accent:#ffd60a;--npsloop-on-accent:#111\}/);
  });
});
