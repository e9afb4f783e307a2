/** The ways wording can coach a score; each is refused with its own name. */
export type CoachedWordingRule = 'asks-for-a-score' | 'names-top-scores' | 'only-some-scores-count';

// Texts are lower-cased, NFKC-normalised, with ’ as ' and runs of spaces as one space before matching.

/** A score as written: a digit 0–10 or a number word for a top score, in en, nl, de, fr, es. */
export const SCORE_WORDS: Record<string, number> = {
  five: 5, seven: 7, nine: 9, ten: 10,
  vijf: 5, zeven: 7, negen: 9, tien: 10,
  fünf: 5, sieben: 7, neun: 9, zehn: 10,
  cinq: 5, sept: 7, neuf: 9, dix: 10,
  cinco: 5, siete: 7, nueve: 9, diez: 10,
};

const NOT_IN_WORD_BEFORE = '(?<![\\p{L}\\p{N}.,])';
const NOT_IN_WORD_AFTER = '(?![\\p{L}\\p{N}]|[.,]\\d)';
// A number followed by a unit is a duration, count or share, not a score ("only 2 minutes", "10%").
const NOT_A_UNIT = '(?!\\s*(?:%|percent|procent|prozent|pour ?cent|por ?ciento|'
  + 'min|minutes?|minuten?|minutos?|sec|seconds?|seconden|sekunden|secondes?|segundos?|'
  + 'days?|dagen|tage?n?|jours?|d[ií]as?|hours?|uur|stunden?|heures?|horas?|weeks?|weken|wochen?|semaines?|semanas?|'
  + 'months?|maanden|monate?n?|mois|meses|years?|jaar|jaren|jahre?n?|ans|años?|'
  + 'questions?|vragen?|vraag|fragen?|preguntas?|reasons?|redenen|gründe|raisons?|razones|things|words?|woorden|wörter|mots?|palabras?|'
  + 'times|keer|mal|fois|veces|steps?|stappen|schritte|étapes?|pasos?)' + NOT_IN_WORD_AFTER + ')';
// A number that starts a range is the neutral description of the scale ("0 to 10", "van 0 tot 10", "del 0 al 10").
const NOT_A_RANGE_START = '(?!\\s*(?:[-–—]\\s*\\d|(?:to|through|and|tot en met|t/m|tot|en|bis|und|à|a|al|et|y|hasta)\\s+\\d))';

const NUMBER_WRITTEN = `${NOT_IN_WORD_BEFORE}(?:10|[0-9]|${Object.keys(SCORE_WORDS).join('|')})`;
const NUMBER = `${NUMBER_WRITTEN}${NOT_IN_WORD_AFTER}`;
/** A score named on its own: not a unit, not the start of a range. */
const SCORE = `${NUMBER}${NOT_A_UNIT}${NOT_A_RANGE_START}`;
/** A score that may end in a plural ("9s", "10's"); not a unit, not the start of a range. */
const PLURAL = `(?:'?s)?${NOT_IN_WORD_AFTER}`;
const SCORES = `${NUMBER_WRITTEN}${PLURAL}${NOT_A_UNIT}${NOT_A_RANGE_START}`;

const ARTICLE = '(?:(?:a|an|the|een|de|het|eine?[mnr]?|die|der|den|un|une|le|la|el|una)\\s+)?';
const PRAISE = '(?:(?:perfect|full|solid|straight|top|big|dikke|perfecte|volle|mooie|glatte|perfekte|satte|parfait|perfecto)\\s+)?';

/** One rule's patterns; the whole match is quoted back in the refusal. */
export interface CoachedPattern {
  rule: CoachedWordingRule;
  pattern: RegExp;
}

function rule(name: CoachedWordingRule, ...sources: string[]): CoachedPattern[] {
  return sources.map((source) => ({ rule: name, pattern: new RegExp(`(?<![\\p{L}])${source}`, 'gu') }));
}

/**
 * Pairs of scores ("a 9 or 10"), found apart because the two numbers must be neighbours on a scale;
 * not the end of a list of the scale's points ("1, 2, 3, 4 or 5").
 */
export const SCORE_PAIR = new RegExp(
  `(?<!\\d\\s*[,;]\\s*)(${NUMBER_WRITTEN})${PLURAL}\\s*(?:or|and|&|of|en|oder|und|ou|et|o|u|y)\\s*${ARTICLE}(${NUMBER_WRITTEN})${PLURAL}${NOT_A_UNIT}`,
  'gu',
);

/**
 * What follows a score that anchors the scale rather than asks for it ("choose 0 if…, 10 if…"):
 * only neutral when the text names more than one score.
 */
export const SCALE_ANCHOR = /^\s*(?:for|if|when|means|=|:|\(|voor|als|wanneer|indien|betekent|für|wenn|falls|bedeutet|si|pour|quand|signifie|para|cuando|significa)(?![\p{L}])/u;

/** Every number 0–10 written in a text, to tell a scale's description from a request. */
export const ANY_SCORE = new RegExp(NUMBER, 'gu');

/** Every pattern, by rule, in the five built-in languages. */
export const COACHED_PATTERNS: readonly CoachedPattern[] = [
  ...rule('asks-for-a-score',
    // en: "rate us 10", "give us a 10", "please choose 10"
    `(?:rate|rated|score|scored|grade|mark|give|gave|award|leave|choose|select|pick|click|tap|press|hit)\\s+(?:(?:us|me|it|this|them)\\s+)?(?:with\\s+)?${ARTICLE}${PRAISE}${SCORE}`,
    // en: "we'd love a 10", "we hope for a 10", "we deserve a 10"
    `(?:hope|hoping|love|appreciate|deserve|earn|want|expect|count on|aim for|wish for)\\s+(?:(?:for|to (?:get|see|receive|earn))\\s+)?(?:a|an)\\s+${PRAISE}${SCORE}`,
    // nl: "geef ons een 10", "beoordeel ons met een 10"
    `(?:geef|geeft|geven|gaf|beoordeel|beoordeelt|waardeer|waardeert|kies|kiest|klik|klikt|scoor)\\s+(?:(?:ons|me|mij|het|dit|jullie|u)\\s+)?(?:(?:met|op)\\s+)?${ARTICLE}${PRAISE}${SCORE}`,
    // nl: "we hopen op een 10", "graag een 10"
    `(?:hopen|hoop|rekenen|reken|verdienen|verdien|graag)\\s+(?:(?:op|wel|graag)\\s+)?een\\s+${PRAISE}${SCORE}`,
    // de: "geben Sie uns eine 10", "bewerten Sie uns mit 10 Sternen"
    `(?:geben|gib|gebt|vergeben|vergib|bewerten|bewerte|bewertet|wählen|wähle|klicken|klicke)\\s+(?:sie\\s+)?(?:(?:uns|mir|es)\\s+)?(?:mit\\s+)?${ARTICLE}${PRAISE}${SCORE}`,
    // de: "wir freuen uns über eine 10", "wir hoffen auf eine 10"
    `(?:freuen|hoffen|zählen|rechnen|verdienen|verdient)\\s+(?:uns\\s+)?(?:(?:auf|über|mit)\\s+)?einer?\\s+${PRAISE}${SCORE}`,
    // fr: "donnez-nous un 10", "notez-nous 10", "mettez-nous la note de 10"
    `(?:donnez|donne|donner|notez|noter|attribuez|attribue|mettez|mets|choisissez|choisis|cliquez|sélectionnez)[-\\s]+(?:(?:nous|moi|le|la|lui)\\s+)?(?:la note de\\s+)?${ARTICLE}${PRAISE}${SCORE}`,
    // fr: "nous espérons un 10", "nous méritons un 10"
    `(?:espérons|espère|espérer|comptons sur|méritons|mérite|aimerions|souhaitons)\\s+(?:(?:obtenir|recevoir|avoir)\\s+)?une?\\s+${PRAISE}${SCORE}`,
    // es: "danos un 10", "califícanos con un 10", "puntúanos con 10 estrellas"
    `(?:danos|dénos|denos|dennos|dame|deme|califícanos|calificanos|califícame|puntúanos|puntuanos|valóranos|valoranos|evalúanos|evaluanos|ponnos|pónganos|ponganos|elige|elija|selecciona|seleccione|marca|marque)\\s+(?:con\\s+)?${ARTICLE}${PRAISE}${SCORE}`,
    // es: "esperamos un 10", "nos merecemos un 10"
    `(?:esperamos|espero|merecemos|contamos con|nos encantaría(?: recibir| tener)?)\\s+(?:(?:recibir|obtener|tener)\\s+)?una?\\s+${PRAISE}${SCORE}`,
  ),
  ...rule('names-top-scores',
    // "9 or higher", "9+", "at least a 9", in each language
    `${SCORES}\\s*(?:or|and)\\s+(?:higher|above|better|more|up)`,
    `${NUMBER}\\s*\\+(?!\\s*\\d)${NOT_A_UNIT}`,
    `(?:at least|a minimum of|no less than)\\s+${ARTICLE}${SCORE}`,
    `${SCORES}\\s+of\\s+(?:hoger|meer|beter)`,
    `(?:minimaal|minstens|ten minste|tenminste)\\s+${ARTICLE}${SCORE}`,
    `${SCORES}\\s+oder\\s+(?:höher|mehr|besser)`,
    `(?:mindestens|wenigstens)\\s+${ARTICLE}${SCORE}`,
    `${SCORES}\\s+ou\\s+(?:plus|mieux|davantage)`,
    `au moins\\s+${ARTICLE}${SCORE}`,
    `${SCORES}\\s+o\\s+(?:más|superior|mejor)`,
    `(?:al menos|como mínimo|por lo menos)\\s+${ARTICLE}${SCORE}`,
  ),
  ...rule('only-some-scores-count',
    // en: "only a 10 counts", "anything below a 9 is a fail", "nothing less than 10", "10 or nothing"
    `only\\s+${ARTICLE}(?:score of\\s+)?${SCORES}`,
    `(?:anything|everything|any score|scores?)\\s+(?:less than|below|under|lower than|short of|other than|but)\\s+${ARTICLE}${SCORE}`,
    `nothing\\s+(?:less than|short of|but|below|under)\\s+${ARTICLE}${SCORE}`,
    `${NUMBER}\\s+or nothing`,
    // nl: "alleen een 10 telt", "alles onder een 9", "niets minder dan een 10"
    `(?:alleen|enkel|slechts|uitsluitend)\\s+${ARTICLE}${SCORES}`,
    `(?:alles|elk cijfer|elke score)\\s+(?:onder|lager dan|minder dan|behalve)\\s+${ARTICLE}${SCORE}`,
    `niets?\\s+(?:minder dan|anders dan|lager dan)\\s+${ARTICLE}${SCORE}`,
    // de: "nur eine 10 zählt", "alles unter einer 9", "nichts weniger als eine 10"
    `nur\\s+${ARTICLE}${SCORES}`,
    `(?:alles|jede note|jede bewertung)\\s+(?:unter|unterhalb|außer|weniger als)\\s+${ARTICLE}${SCORE}`,
    `nichts\\s+(?:weniger als|unter|außer)\\s+${ARTICLE}${SCORE}`,
    // fr: "seul un 10 compte", "tout ce qui est en dessous de 9", "rien de moins qu'un 10", "ne compte que les 10"
    `(?:seul|seule|seuls|seules|seulement|uniquement)\\s+${ARTICLE}(?:la note de\\s+)?${SCORES}`,
    `(?:tout ce qui est|toute note|tout)\\s+(?:en dessous d[e']|inférieure? à|sous|moins d[e'])\\s*${ARTICLE}${SCORE}`,
    `rien\\s+(?:de moins qu[e']|d'autre qu[e']|en dessous d[e'])\\s*${ARTICLE}${SCORE}`,
    `ne compte(?:nt)? que\\s+(?:les?\\s+|la\\s+)?${ARTICLE}${SCORES}`,
    // es: "solo un 10 cuenta", "cualquier nota por debajo de 9", "nada menos que un 10"
    `(?:solo|sólo|solamente|únicamente|unicamente)\\s+${ARTICLE}${SCORES}`,
    `(?:cualquier (?:cosa|nota|puntuación)|todo lo que esté)\\s+(?:por debajo de|menor(?:es)? (?:de|que)|inferior a|debajo de)\\s+${ARTICLE}${SCORE}`,
    `nada\\s+(?:menos que|por debajo de|inferior a)\\s+${ARTICLE}${SCORE}`,
  ),
];
