import { describe, expect, it } from 'vitest';
import { readConfig, type ConfigAttributes, type PageConfig } from '../../src/loader/config';

const SCRIPT = 'https://collector.example/widget.js';

function config(attributes: ConfigAttributes): PageConfig {
  return readConfig(attributes, SCRIPT);
}

describe('readConfig', () => {
  it("defaults what only the page decides, and leaves the survey's own settings (brand, sample, re-survey and dismiss days) unset", () => {
    expect(config({ survey: 'homepage' })).toEqual({
      survey: 'homepage',
      collector: 'https://collector.example',
      channel: 'web',
      mode: 'auto',
      delay: 0,
      minPageviews: 0,
      askEmail: false,
      pageQuery: false,
      strings: {},
      looks: { survey: 'homepage' },
    });
  });

  it.each([
    ['collector', { collector: 'https://nps.acme.test/base/' }, 'collector', 'https://nps.acme.test/base'],
    ['relative collector', { collector: '/nps' }, 'collector', 'https://collector.example/nps'],
    ['brand', { brand: '  Acme Cloud ' }, 'brand', 'Acme Cloud'],
    ['locale', { locale: 'nl-BE' }, 'locale', 'nl-BE'],
    ['touchpoint', { touchpoint: 'checkout.done' }, 'touchpoint', 'checkout.done'],
    ['invalid touchpoint', { touchpoint: 'after checkout!' }, 'touchpoint', undefined],
    ['channel', { channel: 'app' }, 'channel', 'app'],
    ['unknown channel', { channel: 'fax' }, 'channel', 'web'],
    ['journey', { journey: 'onboarding' }, 'journey', 'onboarding'],
    ['manual mode', { mode: 'manual' }, 'mode', 'manual'],
    ['delay', { delay: '12.5' }, 'delay', 12.5],
    ['negative delay', { delay: '-3' }, 'delay', 0],
    ['sample', { sample: '0.25' }, 'sample', 0.25],
    ['sample 0', { sample: '0' }, 'sample', 0],
    ['sample above 1', { sample: '7' }, 'sample', 1],
    ['sample not a number', { sample: 'half' }, 'sample', undefined],
    ['resurvey days', { resurveyDays: '30' }, 'resurveyDays', 30],
    ['dismiss days', { dismissDays: '0' }, 'dismissDays', 0],
    ['minimum page views', { minPageviews: '3' }, 'minPageviews', 3],
    ['nonce', { nonce: 'r4nd0m+/=' }, 'nonce', 'r4nd0m+/='],
    ['ask email (bare attribute)', { askEmail: '' }, 'askEmail', true],
    ['ask email off', { askEmail: 'false' }, 'askEmail', false],
    ['page query', { pageQuery: 'true' }, 'pageQuery', true],
  ] as const)('reads %s', (_name, attributes, field, expected) => {
    expect(config({ survey: 'homepage', ...attributes })[field as keyof PageConfig]).toEqual(expected);
  });

  it('takes string overrides from data-text-* attributes', () => {
    expect(config({ textQuestion: 'Would you recommend us?', textWhyDetractor: 'What should we improve?', textSend: ' ' }).strings).toEqual({
      question: 'Would you recommend us?',
      whyDetractor: 'What should we improve?',
    });
  });

  it('leaves the survey empty (and so the widget inert) without a valid survey id', () => {
    expect(config({}).survey).toBe('');
    expect(config({ survey: 'no spaces please' }).survey).toBe('');
  });
});
