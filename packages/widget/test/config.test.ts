import { describe, expect, it } from 'vitest';
import { readConfig, type ConfigAttributes, type WidgetConfig } from '../src/config';

const SCRIPT = 'https://collector.example/widget.js';

function config(attributes: ConfigAttributes): WidgetConfig {
  return readConfig(attributes, SCRIPT, 'www.acme.test');
}

describe('readConfig', () => {
  it('defaults everything a bare script tag leaves out', () => {
    expect(config({ survey: 'homepage' })).toEqual({
      survey: 'homepage',
      collector: 'https://collector.example',
      brand: 'acme.test',
      channel: 'web',
      mode: 'auto',
      delay: 0,
      sample: 1,
      resurveyDays: 90,
      dismissDays: 30,
      minPageviews: 0,
      position: 'bottom-right',
      theme: 'light',
      askEmail: false,
      pageQuery: false,
      strings: {},
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
    ['sample above 1', { sample: '7' }, 'sample', 1],
    ['sample not a number', { sample: 'half' }, 'sample', 1],
    ['resurvey days', { resurveyDays: '30' }, 'resurveyDays', 30],
    ['dismiss days', { dismissDays: '0' }, 'dismissDays', 0],
    ['minimum page views', { minPageviews: '3' }, 'minPageviews', 3],
    ['position', { position: 'center' }, 'position', 'center'],
    ['unknown position', { position: 'top-left' }, 'position', 'bottom-right'],
    ['theme', { theme: 'auto' }, 'theme', 'auto'],
    ['accent', { accent: '#0a7d4f' }, 'accent', '#0a7d4f'],
    ['accent that escapes its declaration', { accent: 'red;}*{display:none' }, 'accent', undefined],
    ['nonce', { nonce: 'r4nd0m+/=' }, 'nonce', 'r4nd0m+/='],
    ['ask email (bare attribute)', { askEmail: '' }, 'askEmail', true],
    ['ask email off', { askEmail: 'false' }, 'askEmail', false],
    ['page query', { pageQuery: 'true' }, 'pageQuery', true],
  ] as const)('reads %s', (_name, attributes, field, expected) => {
    expect(config({ survey: 'homepage', ...attributes })[field as keyof WidgetConfig]).toEqual(expected);
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
