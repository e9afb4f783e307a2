/**
 * A quick "zod would take this as it is" test, compiled from a zod schema's own definition, for the request
 * parts and replies of every route (the ingest body is the one on the hot path). zod stays the validator:
 * whenever the quick test says no, or meets a part of a schema it does not know, zod parses the value and words
 * the error. The quick test only ever says yes where zod's parse would succeed and give back the same value (a
 * subset of what zod accepts, never more); test/lib/zod-fast-accept.test.ts checks that against zod on generated
 * bodies.
 *
 * Replies are checked the same way (plugins/zod-schemas.ts): one the test passes is sent as it is.
 *
 * Why: zod runs each field through its generic check machinery. Timed inside the collector under the ingest
 * benchmark's load, validating an answer took 4.0 µs through zod and 2.3 µs through this test first (1.6 µs for
 * zod in a loop on its own: in a busy server its code runs cold), and a build without any validation spent
 * 8–15 µs less main-thread CPU a request, the thread the benchmark saturates (collector README, Performance).
 *
 * Known: objects (strict or not; a key outside the shape means ask zod), optional fields, strings with length,
 * regex and email checks and `overwrite` (only where it leaves the value as it is), numbers with integer and
 * bound checks, booleans and enums. Anything else (defaults, transforms, unions, records, refinements, coercion)
 * makes the field, or the schema, zod's alone.
 */
import type { ZodType } from 'zod';

/** True only when zod would accept the value and give it back unchanged. */
export type FastAccept = (value: unknown) => boolean;

/** The parts of zod's internal definitions the compiler reads (zod 4: `schema._zod.def`, checks' `_zod.def`). */
interface SchemaInternals {
  _zod: { def: Definition; values?: Set<unknown>; optin?: string; traits: Set<string> };
}
interface Definition {
  type: string;
  coerce?: boolean;
  checks?: SchemaInternals[];
  // object
  shape?: Record<string, SchemaInternals>;
  catchall?: SchemaInternals;
  // optional
  innerType?: SchemaInternals;
  // checks
  check?: string;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
  minimum?: number;
  value?: unknown;
  inclusive?: boolean;
  tx?: (value: unknown) => unknown;
}

type Test = (value: never) => boolean;

/** A string check zod runs after the type, as a test of the same rule; null for a check the compiler does not know. */
function stringCheck(check: Definition): Test | null {
  // zod measures an overflow in code points: a string within the limit in UTF-16 units is within it in code points.
  if (check.check === 'max_length' && typeof check.maximum === 'number') {
    const maximum = check.maximum;
    return (value: string) => value.length <= maximum;
  }
  // A code point is one or two units: a string has at least half its units' count (rounded up) of code points.
  if (check.check === 'min_length' && typeof check.minimum === 'number') {
    const minimum = check.minimum;
    return (value: string) => Math.ceil(value.length / 2) >= minimum;
  }
  // A regex or email check is the pattern's test, nothing else (zod's other formats add their own logic).
  if (check.check === 'string_format' && (check.format === 'regex' || check.format === 'email') && check.pattern instanceof RegExp) {
    const pattern = check.pattern;
    return (value: string) => {
      pattern.lastIndex = 0;
      return pattern.test(value);
    };
  }
  // zod replaces the value with `tx(value)`; only a value it leaves as it is stays the same.
  if (check.check === 'overwrite' && typeof check.tx === 'function') {
    const tx = check.tx;
    return (value: string) => tx(value) === value;
  }
  return null;
}

/** A number check as a test of the same rule; null for one the compiler does not know. */
function numberCheck(check: Definition): Test | null {
  if (check.check === 'number_format' && check.format === 'safeint') return (value: number) => Number.isSafeInteger(value);
  if ((check.check === 'greater_than' || check.check === 'less_than') && typeof check.value === 'number') {
    const bound = check.value;
    if (check.check === 'greater_than') return check.inclusive ? (value: number) => value >= bound : (value: number) => value > bound;
    return check.inclusive ? (value: number) => value <= bound : (value: number) => value < bound;
  }
  return null;
}

/** The schema's checks in zod's order (a format schema such as `z.email()` is its own first check), each as a test. */
function checkTests(schema: SchemaInternals, compile: (check: Definition) => Test | null): Test[] | null {
  const checks = schema._zod.traits.has('$ZodCheck') ? [schema, ...(schema._zod.def.checks ?? [])] : (schema._zod.def.checks ?? []);
  const tests: Test[] = [];
  for (const check of checks) {
    const test = compile(check._zod.def);
    if (!test) return null;
    tests.push(test);
  }
  return tests;
}

function allPass(tests: Test[], value: never): boolean {
  for (const test of tests) if (!test(value)) return false;
  return true;
}

/** A type check followed by the schema's own checks, each compiled by `compileCheck`; null when one is unknown. */
function compileChecked(schema: SchemaInternals, compileCheck: (check: Definition) => Test | null, isType: (value: unknown) => boolean): FastAccept | null {
  const tests = checkTests(schema, compileCheck);
  return tests && ((value) => isType(value) && allPass(tests, value as never));
}

/** A field of an object: required or optional, and its test (null: the field is zod's alone when present). */
interface Field {
  key: string;
  optional: boolean;
  accepts: FastAccept | null;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function compileObject(schema: SchemaInternals): FastAccept | null {
  const { shape, catchall, checks } = schema._zod.def;
  // Object-level refinements, and kept or checked unknown keys, are zod's.
  if (!shape || (checks?.length ?? 0) > 0 || (catchall && catchall._zod.def.type !== 'never')) return null;
  const fields: Field[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const { type, innerType } = field._zod.def;
    if (type === 'optional' && innerType) {
      // An optional field whose inner schema supplies a default for absence is zod's.
      if (innerType._zod.optin === 'defaulted') return null;
      fields.push({ key, optional: true, accepts: compileSchema(innerType) });
    } else {
      const accepts = compileSchema(field);
      if (!accepts) return null;
      fields.push({ key, optional: false, accepts });
    }
  }
  const known = new Set(fields.map((field) => field.key));
  return (value) => {
    // Plain objects only (what JSON.parse and object literals make): an instance's prototype may add what zod's copy drops (`toJSON`).
    if (typeof value !== 'object' || value === null || !isPlainObject(value)) return false;
    const record = value as Record<string, unknown>;
    for (const field of fields) {
      const item = record[field.key];
      if (item === undefined) {
        if (!field.optional) return false;
      } else if (!field.accepts?.(item)) {
        return false;
      }
    }
    // A key outside the shape: a strict object refuses it, a plain one drops it from its output; either way, zod's.
    for (const key of Object.keys(record)) if (!known.has(key)) return false;
    return true;
  };
}

function compileSchema(schema: SchemaInternals): FastAccept | null {
  const def = schema._zod.def;
  if (def.coerce) return null;
  switch (def.type) {
    case 'object':
      return compileObject(schema);
    case 'string':
      return compileChecked(schema, stringCheck, (value) => typeof value === 'string');
    case 'number':
      // zod's number: a finite number (no NaN, no Infinity), then its checks.
      return compileChecked(schema, numberCheck, (value) => typeof value === 'number' && Number.isFinite(value));
    case 'boolean':
      return (def.checks?.length ?? 0) > 0 ? null : (value) => typeof value === 'boolean';
    case 'enum': {
      const values = schema._zod.values;
      return !values || (def.checks?.length ?? 0) > 0 ? null : (value) => values.has(value);
    }
    default:
      return null;
  }
}

/** Compiles a schema's quick test; null when the schema's top is something the compiler does not know (zod alone). */
export function compileFastAccept(schema: ZodType): FastAccept | null {
  return compileSchema(schema as unknown as SchemaInternals);
}
