import { describe, expect, it } from 'vitest';
import { BUILT_IN_STRINGS, findCoachedWording, findCoachedWordingIn, SCALE_WORDING } from '../../src/index.js';

describe('findCoachedWording refuses wording that asks for a score', () => {
  it.each([
    // en
    ['How likely are you to recommend us? (A 9 or 10 would mean the world!)', 'names-top-scores', '9 or 10'],
    ['Only a 10 counts for us.', 'only-some-scores-count', 'only a 10'],
    ['Please rate us 10 if you enjoyed your stay', 'asks-for-a-score', 'rate us 10'],
    ['Give us a perfect 10!', 'asks-for-a-score', 'give us a perfect 10'],
    ["We'd love a 10 from you", 'asks-for-a-score', 'love a 10'],
    ['We hope for a ten.', 'asks-for-a-score', 'hope for a ten'],
    ['Anything below a 9 counts as a fail for our team', 'only-some-scores-count', 'anything below a 9'],
    ['Nothing less than 10 will do', 'only-some-scores-count', 'nothing less than 10'],
    ['We only count 9s and 10s', 'names-top-scores', '9s and 10s'],
    ['Rate us 9 or higher', 'asks-for-a-score', 'rate us 9'],
    ['Scores of 9+ help our staff', 'names-top-scores', '9+'],
    ['Please leave a 5-star review', 'asks-for-a-score', 'leave a 5'],
    ['How satisfied were you? 4 or 5 stars help us most', 'names-top-scores', '4 or 5'],
    ['It was easy, right? A 6 or 7 keeps our team going', 'names-top-scores', '6 or 7'],
    ['Give us a 10 if you loved it', 'asks-for-a-score', 'give us a 10'],
    // nl
    ['Geef ons een 10!', 'asks-for-a-score', 'geef ons een 10'],
    ['Een 9 of 10 zou geweldig zijn', 'names-top-scores', '9 of 10'],
    ['Alleen een 10 telt voor ons', 'only-some-scores-count', 'alleen een 10'],
    ['We hopen op een 10', 'asks-for-a-score', 'hopen op een 10'],
    ['Beoordeel ons met een 10', 'asks-for-a-score', 'beoordeel ons met een 10'],
    ['Alles onder een 9 is voor ons een onvoldoende', 'only-some-scores-count', 'alles onder een 9'],
    // de
    ['Geben Sie uns eine 10!', 'asks-for-a-score', 'geben sie uns eine 10'],
    ['Eine 9 oder 10 wäre toll', 'names-top-scores', '9 oder 10'],
    ['Nur eine 10 zählt', 'only-some-scores-count', 'nur eine 10'],
    ['Bewerten Sie uns mit 10 Sternen', 'asks-for-a-score', 'bewerten sie uns mit 10'],
    ['Wir freuen uns über eine Zehn', 'asks-for-a-score', 'freuen uns über eine zehn'],
    ['Alles unter einer 9 ist für uns ein Misserfolg', 'only-some-scores-count', 'alles unter einer 9'],
    // fr
    ['Donnez-nous un 10 !', 'asks-for-a-score', 'donnez-nous un 10'],
    ['Un 9 ou 10 nous aiderait beaucoup', 'names-top-scores', '9 ou 10'],
    ['Seul un 10 compte pour nous', 'only-some-scores-count', 'seul un 10'],
    ['Notez-nous 10 sur 10', 'asks-for-a-score', 'notez-nous 10'],
    ["Nous espérons un 10", 'asks-for-a-score', 'espérons un 10'],
    ["Rien de moins qu’un 10", 'only-some-scores-count', "rien de moins qu'un 10"],
    // es
    ['¡Danos un 10!', 'asks-for-a-score', 'danos un 10'],
    ['Un 9 o 10 nos ayudaría mucho', 'names-top-scores', '9 o 10'],
    ['Solo un 10 cuenta', 'only-some-scores-count', 'solo un 10'],
    ['Califícanos con un 10', 'asks-for-a-score', 'califícanos con un 10'],
    ['Esperamos un diez', 'asks-for-a-score', 'esperamos un diez'],
    ['Nada menos que un 10', 'only-some-scores-count', 'nada menos que un 10'],
  ])('%j → %s', (text, rule, quote) => {
    const found = findCoachedWording(text);
    expect(found?.rule, text).toBe(rule);
    expect(found?.quote).toBe(quote);
    expect(found?.message).toContain(`rule ${rule}`);
    expect(found?.message).toContain(`"${quote}"`);
  });
});

describe('findCoachedWording lets neutral wording through', () => {
  it.each([
    // en
    'On a scale from 0 to 10, how likely are you to recommend Acme to a friend or colleague?',
    'On a scale of 0-10, how likely is it that you would recommend us?',
    'On a scale of 0–10, how likely is it that you would recommend us?',
    'Where 0 is not at all likely and 10 is extremely likely',
    '0 = Not at all likely, 10 = Extremely likely',
    'Please rate us on a scale from 1 to 5.',
    'Rate us 0 to 10.',
    'How would you rate your experience, from 1 (very dissatisfied) to 5 (very satisfied)?',
    'Choose 0 if you would not recommend us at all and 10 if you certainly would.',
    'Select 1 for strongly disagree and 7 for strongly agree.',
    'This survey takes only 2 minutes.',
    'Give us 2 minutes of your time',
    'It only takes 1 minute.',
    'What is the main reason for your score?',
    'What would it take for you to give us a higher score?',
    'Why did you give us that score?',
    'Between 4 and 5 minutes is all it takes.',
    'We read every answer within 10 days.',
    'Pick one: 1, 2, 3, 4 or 5',
    'Score 0 means not likely; score 10 means very likely',
    'Please answer on a 0-10 scale.',
    'Rate your overall satisfaction (1 = very poor, 5 = excellent)',
    'How easy was it? 1 is very difficult, 7 is very easy.',
    'Only 10% of customers answer, so yours matters.',
    'Tell us why you chose that score.',
    'It takes only 1-2 minutes.',
    'Het duurt maar 1 à 2 minuten, slechts 1 tot 2 minuten.',
    // nl
    'Op een schaal van 0 tot 10, hoe waarschijnlijk is het dat je ons aanbeveelt?',
    'Geef een cijfer van 0 tot en met 10.',
    'Geef ons een cijfer van 1 t/m 5.',
    'Deze vragenlijst duurt slechts 2 minuten.',
    // de
    'Auf einer Skala von 0 bis 10: Wie wahrscheinlich ist es, dass Sie uns empfehlen?',
    'Bewerten Sie uns von 1 bis 5.',
    '0 = überhaupt nicht wahrscheinlich, 10 = äußerst wahrscheinlich',
    'Die Umfrage dauert nur 2 Minuten.',
    'Wählen Sie 0 für „gar nicht“ und 10 für „sehr wahrscheinlich“.',
    // fr
    'Sur une échelle de 0 à 10, quelle est la probabilité que vous nous recommandiez\u00a0?',
    'Notez-nous de 1 à 5.',
    'Donnez une note entre 0 et 10.',
    'Ce questionnaire ne prend que 2 minutes.',
    'Cela prend seulement 2 minutes.',
    // es
    'En una escala del 0 al 10, ¿qué probabilidad hay de que nos recomiendes?',
    'Califícanos del 1 al 5.',
    'Solo te llevará 2 minutos.',
    'Danos tu opinión sincera.',
    'Valora tu experiencia de 1 a 7.',
  ])('%j', (text) => {
    expect(findCoachedWording(text)).toBeNull();
  });

  it('passes every built-in string of every metric and language', () => {
    for (const strings of Object.values(BUILT_IN_STRINGS)) expect(findCoachedWordingIn(strings)).toBeNull();
    expect(findCoachedWordingIn(SCALE_WORDING)).toBeNull();
  });
});

describe('findCoachedWordingIn', () => {
  it('names the path of the first coached string in a survey body', () => {
    const body = {
      name: 'Checkout',
      wording: { en: { question: 'How likely are you to recommend {brand}?' }, nl: { question: 'Hoe waarschijnlijk…', thanks: 'Bedankt! Geef ons een 10.' } },
      followUp: { promoter: 'What did you love?' },
    };
    expect(findCoachedWordingIn(body)).toEqual({
      path: 'wording.nl.thanks',
      rule: 'asks-for-a-score',
      quote: 'geef ons een 10',
      message: expect.stringContaining('coached wording (rule asks-for-a-score)'),
    });
    expect(findCoachedWordingIn({ followUp: ['fine', 'only a 10 counts'] })?.path).toBe('followUp.1');
    expect(findCoachedWordingIn('rate us 10', 'question')?.path).toBe('question');
  });

  it('is null for neutral wording, numbers and empty values', () => {
    expect(findCoachedWordingIn({ wording: { en: { question: 'How satisfied were you with {brand}?' } }, sampling: 0.5, active: true, none: null })).toBeNull();
    expect(findCoachedWordingIn(undefined)).toBeNull();
  });
});
