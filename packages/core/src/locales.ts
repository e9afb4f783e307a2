/** Every user-visible string of the survey; `{brand}` is replaced in `question`. */
export interface SurveyStrings {
  question: string;
  low: string;
  high: string;
  why: string;
  send: string;
  close: string;
  consent: string;
  yes: string;
  no: string;
  email: string;
  thanks: string;
}

/** Locales built in; every string can still be overridden. */
export type BuiltInLocale = 'en' | 'nl' | 'de' | 'fr' | 'es';

/** Neutral wording only: nothing here may coach the score. */
export const BUILT_IN_STRINGS: Record<BuiltInLocale, SurveyStrings> = {
  en: {
    question: 'How likely are you to recommend {brand} to a friend or colleague?',
    low: 'Not at all likely',
    high: 'Extremely likely',
    why: 'What is the main reason for your score?',
    send: 'Send',
    close: 'Close',
    consent: 'May we contact you about your answer?',
    yes: 'Yes',
    no: 'No',
    email: 'Your email address',
    thanks: 'Thank you for your feedback!',
  },
  nl: {
    question: 'Hoe waarschijnlijk is het dat je {brand} zou aanbevelen aan een vriend of collega?',
    low: 'Helemaal niet waarschijnlijk',
    high: 'Zeer waarschijnlijk',
    why: 'Wat is de belangrijkste reden voor je score?',
    send: 'Versturen',
    close: 'Sluiten',
    consent: 'Mogen we contact met je opnemen over je antwoord?',
    yes: 'Ja',
    no: 'Nee',
    email: 'Je e-mailadres',
    thanks: 'Bedankt voor je feedback!',
  },
  de: {
    question: 'Wie wahrscheinlich ist es, dass Sie {brand} einem Freund oder Kollegen weiterempfehlen würden?',
    low: 'Überhaupt nicht wahrscheinlich',
    high: 'Äußerst wahrscheinlich',
    why: 'Was ist der wichtigste Grund für Ihre Bewertung?',
    send: 'Senden',
    close: 'Schließen',
    consent: 'Dürfen wir Sie zu Ihrer Antwort kontaktieren?',
    yes: 'Ja',
    no: 'Nein',
    email: 'Ihre E-Mail-Adresse',
    thanks: 'Vielen Dank für Ihr Feedback!',
  },
  fr: {
    question: 'Quelle est la probabilité que vous recommandiez {brand} à un ami ou un collègue\u00a0?',
    low: 'Pas du tout probable',
    high: 'Extrêmement probable',
    why: 'Quelle est la raison principale de votre note\u00a0?',
    send: 'Envoyer',
    close: 'Fermer',
    consent: 'Pouvons-nous vous contacter au sujet de votre réponse\u00a0?',
    yes: 'Oui',
    no: 'Non',
    email: 'Votre adresse e-mail',
    thanks: 'Merci pour votre avis\u00a0!',
  },
  es: {
    question: '¿Qué probabilidad hay de que recomiendes {brand} a un amigo o colega?',
    low: 'Nada probable',
    high: 'Extremadamente probable',
    why: '¿Cuál es el motivo principal de tu puntuación?',
    send: 'Enviar',
    close: 'Cerrar',
    consent: '¿Podemos contactarte sobre tu respuesta?',
    yes: 'Sí',
    no: 'No',
    email: 'Tu correo electrónico',
    thanks: '¡Gracias por tus comentarios!',
  },
};

/**
 * Picks the first supported locale from the candidates (an explicit option,
 * then `<html lang>`, then `navigator.language`), matching on the primary
 * subtag (`nl-BE` → `nl`); English when none matches.
 */
export function chooseLocale(candidates: readonly (string | null | undefined)[]): BuiltInLocale {
  for (const candidate of candidates) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && primary in BUILT_IN_STRINGS) return primary as BuiltInLocale;
  }
  return 'en';
}

/** The strings for a locale with the site's overrides applied and `{brand}` filled in. */
export function surveyStrings(locale: BuiltInLocale, brand: string, overrides: Partial<SurveyStrings> = {}): SurveyStrings {
  const strings = { ...BUILT_IN_STRINGS[locale], ...overrides };
  strings.question = strings.question.split('{brand}').join(brand);
  return strings;
}
