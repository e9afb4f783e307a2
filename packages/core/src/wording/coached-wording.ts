import { ANY_SCORE, COACHED_PATTERNS, SCALE_ANCHOR, SCORE_PAIR, SCORE_WORDS, type CoachedWordingRule } from './coached-patterns.js';

/** Wording that asks for a particular score, with the rule it breaks. */
export interface CoachedWording {
  rule: CoachedWordingRule;
  /** The words that coach, as found (lower-cased). */
  quote: string;
  /** Why it is refused, for a 400. */
  message: string;
}

/** Coached wording found in one field of a nested object (`wording.nl.question`). */
export interface CoachedWordingProblem extends CoachedWording {
  path: string;
}

const RULE_MESSAGES: Record<CoachedWordingRule, string> = {
  'asks-for-a-score': 'asks respondents for a particular score',
  'names-top-scores': 'names the scores the survey hopes for',
  'only-some-scores-count': 'tells respondents that only some scores count',
};

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ');
}

function scoreValue(written: string): number {
  return SCORE_WORDS[written] ?? Number(written);
}

function finding(rule: CoachedWordingRule, quote: string): CoachedWording {
  return {
    rule,
    quote,
    message: `coached wording (rule ${rule}): "${quote}" ${RULE_MESSAGES[rule]}; ask neutrally, coached scores are worthless and cannot be compared`,
  };
}

/** Neighbouring scores near the top of a scale ("a 9 or 10", "4 or 5 stars", "6 of 7"). */
function findScorePair(text: string): CoachedWording | null {
  for (const match of text.matchAll(SCORE_PAIR)) {
    const first = scoreValue(match[1]);
    const second = scoreValue(match[2]);
    if (Math.abs(first - second) === 1 && Math.max(first, second) >= 4) return finding('names-top-scores', match[0].trim());
  }
  return null;
}

/**
 * The first way a text coaches the score ("a 9 or 10", "only a 10 counts", "rate us 10", and
 * the same in nl, de, fr, es), or null for neutral wording such as "On a scale from 0 to 10, how
 * likely…".
 */
export function findCoachedWording(text: string): CoachedWording | null {
  const normalised = normalise(text);
  const describesScale = new Set(Array.from(normalised.matchAll(ANY_SCORE), (match) => scoreValue(match[0]))).size > 1;
  for (const { rule, pattern } of COACHED_PATTERNS) {
    for (const match of normalised.matchAll(pattern)) {
      const anchorsScale = rule === 'asks-for-a-score' && describesScale && SCALE_ANCHOR.test(normalised.slice(match.index + match[0].length));
      if (!anchorsScale) return finding(rule, match[0].trim());
    }
  }
  return findScorePair(normalised);
}

/**
 * The first coached string anywhere in a value (strings, arrays and plain objects, walked in
 * order), with the path to it, e.g. `wording.nl.question`; null when all wording is neutral.
 */
export function findCoachedWordingIn(value: unknown, path = ''): CoachedWordingProblem | null {
  if (typeof value === 'string') {
    const found = findCoachedWording(value);
    return found && { path, ...found };
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  for (const [key, item] of entries) {
    const problem = findCoachedWordingIn(item, path ? `${path}.${key}` : key);
    if (problem) return problem;
  }
  return null;
}
