import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { formatLocale, LOCALES, pickLocale } from '../src/i18n/locales.ts';
import { DICTIONARIES } from './support/render.ts';

describe('choosing the language', () => {
  it.each([
    [null, ['nl-BE', 'en'], 'nl'], [null, ['pt-BR', 'de-AT'], 'de'], [null, ['ja'], 'en'], [null, [], 'en'],
    ['fr', ['nl-NL'], 'fr'], ['xx', ['es-MX'], 'es'],
  ] as const)('saved %s, browser %j → %s', (saved, browser, locale) => expect(pickLocale(saved, browser)).toBe(locale));
  it.each([
    ['en', ['en-US', 'nl'], 'en-US'], ['nl', ['en-US', 'nl-be'], 'nl-BE'], ['de', ['en-US'], 'de'],
  ] as const)('numbers and dates for %s with browser %j follow %s', (locale, browser, tag) => expect(formatLocale(locale, browser)).toBe(tag));
});

/** Every leaf of a dictionary as [path, value]. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

/** A leaf as text: functions are called with placeholder arguments. */
function text(value: unknown): string {
  if (typeof value === 'function') return String(value(...Array.from({ length: value.length }, (_, index) => `ARG${index}`)));
  return Array.isArray(value) ? value.join(' | ') : String(value);
}

const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the dictionaries', () => {
  const english = new Map(leaves(DICTIONARIES.en));
  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has every English key, nothing empty, the same {placeholders} and arguments', (locale) => {
    const translated = new Map(leaves(DICTIONARIES[locale]));
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, value] of translated) {
      const source = english.get(path);
      expect(text(value).trim(), `${locale}.${path}`).not.toBe('');
      expect(typeof value, `${locale}.${path}`).toBe(typeof source);
      if (typeof value === 'function') expect(value.length, `${locale}.${path} arguments`).toBe((source as () => string).length);
      expect(placeholders(text(value)), `${locale}.${path} placeholders`).toEqual(placeholders(text(source)));
      if (Array.isArray(source)) expect((value as unknown[]).length, `${locale}.${path}`).toBe(source.length);
    }
  });

  it.each(LOCALES)('%s: a button\'s accessible name (`…Label`) holds its visible text (`…`), as WCAG 2.5.3 asks', (locale) => {
    const entries = new Map(leaves(DICTIONARIES[locale]));
    const checked: string[] = [];
    for (const [path, value] of entries) {
      const visible = path.endsWith('Label') ? entries.get(path.slice(0, -'Label'.length)) : undefined;
      if (typeof visible !== 'string') continue;
      checked.push(path);
      expect(text(value).toLowerCase(), `${locale}.${path}`).toContain(visible.toLowerCase());
    }
    expect(checked.length).toBeGreaterThan(5);
  });

  it.each([
    ['en', 'answer mentions it', 'answers mention it'], ['nl', 'antwoord noemt het', 'antwoorden noemen het'],
    ['de', 'Antwort nennt es', 'Antworten nennen es'], ['fr', 'réponse en parle', 'réponses en parlent'], ['es', 'respuesta lo menciona', 'respuestas lo mencionan'],
  ] as const)('%s counts one answer naming a theme in the singular', (locale, one, several) => {
    expect(DICTIONARIES[locale].comments.themeTooFew('1', 'NPS')).toContain(`1 ${one}`);
    expect(DICTIONARIES[locale].comments.themeTooFew('3', 'NPS')).toContain(`3 ${several}`);
  });
});

/** Every .tsx file under a folder. */
function components(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? components(path) : name.endsWith('.tsx') ? [path] : [];
  });
}

const SHOWN_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
// The product's name is the same in every language.
const NOT_WORDS = new Set(['npsloop']);
const words = (value: string) => /\p{L}{2}/u.test(value) && !NOT_WORDS.has(value.trim()) && !/^https?:\/\/$/.test(value);
/** Text inside <code> is a command, an attribute or a flag: the same in every language. */
const inCode = (node: ts.Node) => ts.isJsxElement(node.parent) && node.parent.openingElement.tagName.getText() === 'code';

describe('no string is left in a component', () => {
  it('has no words in JSX text or in shown attributes of any component or page (they come from the dictionary)', () => {
    const found: string[] = [];
    for (const file of components(join(import.meta.dirname, '../src'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && words(node.text) && !inCode(node)) found.push(`${file}: ${node.text.trim()}`);
        if (ts.isJsxAttribute(node) && SHOWN_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && words(node.initializer.text)) {
          found.push(`${file}: ${node.name.getText()}="${node.initializer.text}"`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});
