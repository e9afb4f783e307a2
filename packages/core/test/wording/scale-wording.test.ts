import { describe, expect, it } from 'vitest';
import { BUILT_IN_STRINGS, metricSurveyStrings, SCALE_WORDING, surveyStrings } from '../../src/index.js';

describe('SCALE_WORDING', () => {
  it('has the CSAT and CES question and end labels in every built-in language, with the subject placeholder', () => {
    for (const metric of ['csat', 'ces'] as const) {
      expect(Object.keys(SCALE_WORDING[metric]).sort()).toEqual(Object.keys(BUILT_IN_STRINGS).sort());
      for (const [locale, wording] of Object.entries(SCALE_WORDING[metric])) {
        expect(Object.keys(wording).sort(), `${metric} ${locale}`).toEqual(['high', 'low', 'question']);
        expect(wording.question, `${metric} ${locale}`).toContain('{brand}');
        for (const text of Object.values(wording)) expect(text.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('uses the standard English wording of the issue', () => {
    expect(SCALE_WORDING.csat.en).toEqual({ question: 'How satisfied were you with {brand}?', low: 'Very dissatisfied', high: 'Very satisfied' });
    expect(SCALE_WORDING.ces.en).toEqual({ question: '{brand} made it easy for me to handle my issue.', low: 'Strongly disagree', high: 'Strongly agree' });
  });

  it('never names a score', () => {
    expect(JSON.stringify(SCALE_WORDING)).not.toMatch(/\d/);
  });
});

describe('metricSurveyStrings', () => {
  it('is the NPS strings for NPS', () => {
    expect(metricSurveyStrings('nps', 'de', 'Acme')).toEqual(surveyStrings('de', 'Acme'));
  });

  it('puts the metric’s question and labels over the built-in strings, then the overrides, with the subject filled in', () => {
    const strings = metricSurveyStrings('csat', 'nl', 'de bezorging', { high: 'Heel tevreden' });
    expect(strings.question).toBe('Hoe tevreden was je over de bezorging?');
    expect(strings.low).toBe('Zeer ontevreden');
    expect(strings.high).toBe('Heel tevreden');
    expect(strings.send).toBe(BUILT_IN_STRINGS.nl.send);
    expect(metricSurveyStrings('ces', 'en', 'Acme').question).toBe('Acme made it easy for me to handle my issue.');
  });
});
