/**
 * Words that are never a theme, per language, beyond the stop word lists of
 * @orama/stopwords: sentiment-only words (the score already says how someone
 * feels; a theme says what about), informal fillers those lists miss, and the
 * conjunctions that separate two thoughts. Hand-written: no maintained package
 * lists sentiment-only words for all five languages (AFINN-style lexicons are
 * English and score words such as "slow" that are themes here).
 */
import type { Language } from './languages.ts';

/** Not-theme words of one language, lower case. */
export interface NotThemeWords {
  /** Sentiment only: never a theme, and they end a phrase ("great quality" → "quality"). */
  sentiment: readonly string[];
  /** Fillers: never a theme on their own, but may sit inside a phrase ("support never answered"). */
  fillers: readonly string[];
  /** Conjunctions: a phrase never runs across them ("delivery and checkout" is two themes). */
  conjunctions: readonly string[];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The hand-written lists per language. */
export const NOT_THEMES: Readonly<Record<Language, NotThemeWords>> = {
  en: {
    sentiment: words(`good great excellent awesome amazing fantastic wonderful brilliant perfect nice lovely love loved superb
      outstanding happy pleased satisfied best better fine bad poor terrible horrible awful worst worse disappointing disappointed
      disappointment unhappy dissatisfied useless hate hated thanks thank recommend recommended super top`),
    fillers: words(`also just really still even ever get got getting im ive id dont didnt doesnt isnt wasnt cant couldnt wont
      thats theres lot lots much many well yes ok okay overall everything anything something nothing always never like
      quite bit whole anyway maybe please one`),
    conjunctions: words('and but or nor plus'),
  },
  nl: {
    sentiment: words(`goed goede beter best beste geweldig geweldige top super perfect perfecte prima fijn fijne leuk leuke
      mooi mooie tevreden blij uitstekend uitstekende fantastisch slecht slechte slechter slechtst teleurgesteld teleurstellend
      waardeloos waardeloze vreselijk verschrikkelijk ontevreden jammer bedankt dank aanrader aanbevelen`),
    fillers: words(`erg echt heel gewoon allemaal zeer wel nog ok oke oké eigenlijk nooit steeds weer helemaal beetje
      alleen gaat ging kwam komt krijg krijgt`),
    conjunctions: words('en maar of want'),
  },
  de: {
    sentiment: words(`gut gute guter gutes besser beste toll tolle super prima perfekt perfekte hervorragend ausgezeichnet klasse
      zufrieden schlecht schlechte schlechter furchtbar schrecklich enttäuscht enttäuschend unzufrieden katastrophal danke
      empfehlen empfehlenswert`),
    fillers: words('wirklich echt immer einfach mal ganz ok okay leider nie bisschen eigentlich schon gar'),
    conjunctions: words('und aber oder sondern denn'),
  },
  fr: {
    sentiment: words(`bon bonne bons bonnes bien meilleur meilleure excellent excellente génial géniale super parfait parfaite top
      satisfait satisfaite content contente ravi ravie mauvais mauvaise nul nulle horrible terrible décevant décevante déçu déçue
      insatisfait merci recommande recommander`),
    fillers: words('très vraiment tout tous toujours ok encore déjà trop assez jamais plutôt peu'),
    conjunctions: words('et mais ou donc car ni'),
  },
  es: {
    sentiment: words(`bueno buena buenos buenas bien mejor excelente genial perfecto perfecta estupendo fantástico satisfecho
      satisfecha contento contenta encantado encantada malo mala mal peor horrible terrible pésimo pésima decepcionado
      decepcionada decepcionante gracias recomiendo recomendable`),
    fillers: words('realmente siempre todo toda todos ok vale nunca ya'),
    conjunctions: words('y e pero o u sino ni'),
  },
};
