/** The words of an invitation email around the survey's own question, in the five built-in languages. */
import type { BuiltInLocale } from '@npsloop/core';

/** What an invitation says besides the question and the scale's ends. */
export interface InvitationWords {
  /** The default subject; `{brand}` is replaced. */
  subject: string;
  pick: string;
  unsubscribe: string;
  why: string;
}

/** The invitation's words per language. */
export const INVITATION_WORDS: Record<BuiltInLocale, InvitationWords> = {
  en: { subject: 'A quick question from {brand}', pick: 'Choose a number to answer; it takes one click.', unsubscribe: 'Unsubscribe', why: 'You receive this email because you are a customer of {brand}.' },
  nl: { subject: 'Een korte vraag van {brand}', pick: 'Kies een cijfer om te antwoorden; het kost één klik.', unsubscribe: 'Afmelden', why: 'Je krijgt deze e-mail omdat je klant bent van {brand}.' },
  de: { subject: 'Eine kurze Frage von {brand}', pick: 'Wählen Sie eine Zahl, um zu antworten; es ist nur ein Klick.', unsubscribe: 'Abmelden', why: 'Sie erhalten diese E-Mail, weil Sie Kunde von {brand} sind.' },
  fr: { subject: 'Une petite question de {brand}', pick: 'Choisissez une note pour répondre\u00a0; un seul clic suffit.', unsubscribe: 'Se désabonner', why: 'Vous recevez cet e-mail parce que vous êtes client de {brand}.' },
  es: { subject: 'Una pregunta rápida de {brand}', pick: 'Elige un número para responder; es solo un clic.', unsubscribe: 'Darse de baja', why: 'Recibes este correo porque eres cliente de {brand}.' },
};
