import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z, type ZodType } from 'zod';
import { compileFastAccept } from '../../src/lib/zod-fast-accept.ts';
import { eventBodySchema, responseBodySchema } from '../../src/ingest/ingest-schemas.ts';
import { noteBodySchema } from '../../src/loops/loop-schemas.ts';

/** What the widget sends on an answer (the ingest benchmark's body). */
const WIDGET_ANSWER = { id: 'N3xAbcdeFGHijk12-_56', surveyId: 'bench', score: 9, touchpoint: 'checkout', channel: 'web', locale: 'en', page: '/checkout', device: 'desktop' };

// Characters around the schemas' rules: pattern edges, control characters, lone and paired surrogates, email parts.
const TRICKY = ['a', 'Z', '0', '9', '-', '_', '.', '@', ' ', '/', 'é', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u202e', '\ud800', '\udc00', '🙂'];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 70 }).map((chars) => chars.join(''));
const NUMBERS = [-1, -0, 0, 1, 5, 5.5, 10, 11, 1e21, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY];

/** A value near `example`: itself, an edited copy, or something of another kind. */
function near(example: unknown): fc.Arbitrary<unknown> {
  const others = fc.oneof(fc.constantFrom(...NUMBERS), fc.boolean(), fc.constant(null), fc.constant(undefined), trickyText, fc.anything({ maxDepth: 2 }));
  if (typeof example === 'string') {
    const edited = fc.tuple(fc.nat({ max: example.length }), fc.constantFrom(...TRICKY), fc.boolean())
      .map(([at, char, replace]) => example.slice(0, at) + char + example.slice(replace ? at + 1 : at));
    const longer = fc.integer({ min: 1, max: 6000 }).map((times) => example + 'x'.repeat(times));
    return fc.oneof({ arbitrary: fc.constant(example), weight: 4 }, { arbitrary: edited, weight: 4 }, longer, others);
  }
  if (example && typeof example === 'object' && !Array.isArray(example)) return fc.oneof({ arbitrary: bodiesAround(example as Record<string, unknown>), weight: 4 }, others);
  return fc.oneof({ arbitrary: fc.constant(example), weight: 4 }, others);
}

/** Objects around a valid one: each field kept, dropped or changed, sometimes a key of its own added. */
function bodiesAround(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(valid).map(([key, value]) =>
    fc.oneof({ arbitrary: fc.constant([key, value] as const), weight: 24 }, fc.constant(null), near(value).map((changed) => [key, changed] as const)));
  const extra = fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, fc.tuple(fc.constantFrom('extra', 'Score', '__proto__', 'toString'), fc.anything({ maxDepth: 1 })));
  return fc.tuple(fc.tuple(...fields), extra).map(([entries, added]) => {
    const body: Record<string, unknown> = {};
    for (const entry of entries) if (entry) Object.defineProperty(body, entry[0], { value: entry[1], enumerable: true, writable: true, configurable: true });
    if (added) Object.defineProperty(body, added[0], { value: added[1], enumerable: true, writable: true, configurable: true });
    return body;
  });
}

/** Checks the quick test's promise on many bodies: a yes only where zod accepts and gives the body back unchanged. */
function assertSound(schema: ZodType, valid: Record<string, unknown>, runs = 3000): { accepted: number; runs: number } {
  const accepts = compileFastAccept(schema)!;
  expect(accepts).not.toBeNull();
  let accepted = 0;
  fc.assert(fc.property(bodiesAround(valid), (body) => {
    if (!accepts(body)) return;
    accepted++;
    const parsed = schema.safeParse(body);
    expect(parsed.success, JSON.stringify(body)).toBe(true);
    expect(parsed.data).toStrictEqual(body);
  }), { numRuns: runs });
  return { accepted, runs };
}

describe('the quick accept test compiled from a zod schema', () => {
  it('passes the widget\'s answer and event as zod would, so ingest takes the quick path', () => {
    expect(compileFastAccept(responseBodySchema)?.(WIDGET_ANSWER)).toBe(true);
    expect(compileFastAccept(responseBodySchema)?.({ ...WIDGET_ANSWER, comment: 'Fast, and the team was kind 🙂', consent: true, respondent: { email: 'ana@example.com', userId: 'u-1' } })).toBe(true);
    expect(compileFastAccept(eventBodySchema)?.({ id: 'N3xAbcdeFGHijk12-_57', surveyId: 'bench', type: 'shown', page: '/' })).toBe(true);
  });

  it('never says yes where zod refuses or would change the value (generated bodies)', () => {
    const answer = assertSound(responseBodySchema, { ...WIDGET_ANSWER, comment: 'ok', consent: true, journey: 'onboarding', respondent: { userId: 'u-1', email: 'ana@example.com' } });
    const event = assertSound(eventBodySchema, { id: 'N3xAbcdeFGHijk12-_57', surveyId: 'bench', type: 'dismissed', touchpoint: 'checkout', channel: 'app', locale: 'nl-BE', page: '/' });
    // The property is not empty: a good share of the bodies took the quick path.
    expect(answer.accepted).toBeGreaterThan(answer.runs / 20);
    expect(event.accepted).toBeGreaterThan(event.runs / 20);
  });

  it('leaves to zod what zod would repair, refuse or measure in code points', () => {
    const accepts = compileFastAccept(responseBodySchema)!;
    const cases: [string, Record<string, unknown>][] = [
      ['a lone surrogate (zod makes it U+FFFD)', { ...WIDGET_ANSWER, page: '/p\ud800' }],
      ['a control character', { ...WIDGET_ANSWER, comment: 'a\u0000b' }],
      ['a score off the scale', { ...WIDGET_ANSWER, score: 11 }],
      ['a fractional score', { ...WIDGET_ANSWER, score: 8.5 }],
      ['a string score', { ...WIDGET_ANSWER, score: '9' }],
      ['an unknown field', { ...WIDGET_ANSWER, extra: 1 }],
      ['a missing id', { ...WIDGET_ANSWER, id: undefined }],
      ['null for an optional field', { ...WIDGET_ANSWER, comment: null }],
      ['properties (a record: zod alone)', { ...WIDGET_ANSWER, properties: { plan: 'pro' } }],
      // 5,000 emoji are 10,000 UTF-16 units: over the limit in units, within it in code points, which zod counts.
      ['a comment over the limit in UTF-16 units only', { ...WIDGET_ANSWER, comment: '🙂'.repeat(5000) }],
    ];
    // zod's number is finite; a bare number schema leaves NaN and Infinity to zod, which refuses them.
    for (const odd of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(compileFastAccept(z.number())!(odd)).toBe(false);
      expect(z.number().safeParse(odd).success).toBe(false);
    }
    // zod counts a minimum length in code points too: two units may be one character.
    expect(compileFastAccept(z.string().min(2))!('🙂')).toBe(false);
    expect(z.string().min(2).safeParse('🙂').success).toBe(false);
    expect(compileFastAccept(noteBodySchema)!({ author: 'ana', text: '🙂' })).toBe(true);
    for (const [what, body] of cases) expect(accepts(body), what).toBe(false);
    expect(responseBodySchema.safeParse({ ...WIDGET_ANSWER, page: '/p\ud800' }).data?.page).toBe('/p\ufffd');
    expect(responseBodySchema.safeParse({ ...WIDGET_ANSWER, comment: '🙂'.repeat(5000) }).success).toBe(true);
  });

  it('compiles nothing for a schema it cannot follow, and a field it cannot follow is zod\'s when present', () => {
    expect(compileFastAccept(z.object({ n: z.coerce.number() }))).toBeNull();
    expect(compileFastAccept(z.object({ n: z.number().default(1) }))).toBeNull();
    expect(compileFastAccept(z.object({ n: z.number().optional().default(1) }))).toBeNull();
    expect(compileFastAccept(z.object({ s: z.string() }).refine(() => false))).toBeNull();
    expect(compileFastAccept(z.object({ s: z.string() }).passthrough())).toBeNull();
    expect(compileFastAccept(z.object({ s: z.url() }))).toBeNull();
    expect(compileFastAccept(z.string().startsWith('a'))).toBeNull();
    const partly = compileFastAccept(z.object({ a: z.string(), t: z.string().transform((s) => s.length).optional() }))!;
    expect(partly({ a: 'x' })).toBe(true);
    expect(partly({ a: 'x', t: 'y' })).toBe(false);
    // An instance whose prototype adds to what JSON makes of it (`toJSON`) is zod's: its copy would drop that.
    class Reply {
      a = 'x';
      toJSON() {
        return { a: 'secret' };
      }
    }
    expect(compileFastAccept(z.object({ a: z.string() }))!(new Reply())).toBe(false);
    expect(compileFastAccept(z.object({ a: z.string() }))!(Object.assign(Object.create(null), { a: 'x' }))).toBe(true);
    // A plain object drops unknown keys from its output: such a body is zod's too.
    expect(compileFastAccept(z.object({ a: z.string() }))!({ a: 'x', b: 1 })).toBe(false);
  });
});
