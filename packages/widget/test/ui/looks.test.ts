import { describe, expect, it } from 'vitest';
import { readLooks } from '../../src/ui/looks';

describe('readLooks', () => {
  it('defaults to bottom-right, light, the built-in accent', () => {
    expect(readLooks({})).toEqual({ position: 'bottom-right', theme: 'light', accent: undefined });
  });

  it.each([
    ['position', { position: 'center' }, 'position', 'center'],
    ['unknown position', { position: 'top-left' }, 'position', 'bottom-right'],
    ['theme', { theme: 'auto' }, 'theme', 'auto'],
    ['unknown theme', { theme: 'neon' }, 'theme', 'light'],
    ['accent', { accent: ' #0a7d4f ' }, 'accent', '#0a7d4f'],
    ['accent as a function', { accent: 'rgb(10, 125, 79)' }, 'accent', 'rgb(10, 125, 79)'],
    ['accent that escapes its declaration', { accent: 'red;}*{display:none' }, 'accent', undefined],
  ] as const)('reads %s', (_name, attributes, field, expected) => {
    expect(readLooks(attributes)[field]).toBe(expected);
  });
});
