import { describe, expect, it } from 'vitest';
import { themeMatcher } from '../../src/themes/theme-mentions.ts';

describe('themeMatcher', () => {
  it.each([
    ['slow delivery', 'en', 'Two slow deliveries in a row', null, true],
    ['slow delivery', 'en', 'Slow delivery, again', 'en-GB', true],
    ['slow delivery', 'en', 'Delivery was slow', null, false],
    ['slow delivery', 'en', 'Slow. Delivery was fine', null, false],
    ['delivery', 'en', 'Fast delivery this time', null, true],
    ['delivery', 'en', 'Friendly support', null, false],
    ['trage levering', 'nl', 'Weer een trage levering', 'nl', true],
    ['trage levering', 'nl', 'Levering was snel', 'nl', false],
    ['', 'en', 'anything', null, false],
  ] as const)('%j in %s: %j mentions it: %s', (theme, language, comment, locale, expected) => {
    expect(themeMatcher(theme, language)(comment, locale)).toBe(expected);
  });
});
