/** English and Dutch stop words, folded (lower case, no accents), left out of themes. */

const ENGLISH = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done down during each even ever every few for from further get
got had has have having he her here hers herself him himself his how i if in into is it its itself just let lets me
more most much my myself no nor not now of off on once only or other our ours ourselves out over own really same she
should so some such than that the their theirs them themselves then there these they this those through to too under
until up us very was we were what when where which while who whom why will with would you your yours yourself
yourselves im ive dont didnt doesnt isnt wasnt cant wont its thats theres thing things one still well yes ok okay`;

const DUTCH = `aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er
ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jou jouw kan kon
kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat ons onze ook op over reeds te tegen
toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wil worden wordt zal ze zei zelf zich
zij zijn zo zonder zou erg echt heel gewoon even allemaal daarom waar wanneer welke`;

/** Every stop word, folded. */
export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${DUTCH}`.split(/\s+/).filter(Boolean));

/** True for a word that carries no theme: a stop word, a single character, or a number. */
export function isStopWord(folded: string): boolean {
  return folded.length < 2 || STOP_WORDS.has(folded) || /^\p{N}+$/u.test(folded);
}
