/** Which CSV column feeds which response field: our own names, common aliases from other NPS tools, and `--map column=field`. */

/** Response fields a CSV can fill; `property.NAME` columns become custom properties. */
export const IMPORT_FIELDS = ['created_at', 'score', 'comment', 'email', 'user_id', 'consent', 'touchpoint', 'channel', 'locale', 'journey'] as const;

/** One importable field. */
export type ImportField = (typeof IMPORT_FIELDS)[number] | `property.${string}`;

/** Header names other tools use, folded (lower case, single spaces), for each field. */
const ALIASES: Record<string, ImportField> = {
  date: 'created_at', timestamp: 'created_at', 'created at': 'created_at', 'submitted at': 'created_at', 'response date': 'created_at', 'survey date': 'created_at',
  nps: 'score', 'nps score': 'score', rating: 'score', 'likelihood to recommend': 'score',
  feedback: 'comment', reason: 'comment', why: 'comment', 'open text': 'comment', text: 'comment',
  'e-mail': 'email', 'email address': 'email', 'user id': 'user_id', userid: 'user_id', 'customer id': 'user_id', 'contact consent': 'consent',
};

/** A CSV whose header cannot be imported: the CLI reports its message and exits 2. */
export class ImportFormatError extends Error {}

const fold = (header: string) => header.trim().toLowerCase().replace(/[\s_]+/g, ' ');
const PROPERTY = /^property\.[A-Za-z0-9_.-]{1,40}$/;

/** True for a field name `--map` may name. */
export function isImportField(name: string): name is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(name) || PROPERTY.test(name);
}

/** Parses `--map column=field` flags; throws with the flag named when one is malformed. */
export function parseMapFlags(flags: readonly string[]): Map<string, ImportField> {
  const map = new Map<string, ImportField>();
  for (const flag of flags) {
    const separator = flag.lastIndexOf('=');
    const column = flag.slice(0, separator).trim();
    const field = flag.slice(separator + 1).trim();
    if (separator <= 0 || !column) throw new ImportFormatError(`--map "${flag}": must be column=field`);
    if (!isImportField(field)) throw new ImportFormatError(`--map "${flag}": field must be one of ${IMPORT_FIELDS.join(', ')} or property.NAME`);
    map.set(fold(column), field);
  }
  return map;
}

/** The field of each header column (null = ignored): explicit map first, then our names, then aliases. Throws on a field named twice. */
export function mapColumns(headers: readonly string[], explicit: ReadonlyMap<string, ImportField>): (ImportField | null)[] {
  const fields = headers.map((header) => {
    const folded = fold(header);
    const own = folded.replace(/ /g, '_');
    if (explicit.has(folded)) return explicit.get(folded)!;
    if (isImportField(own)) return own;
    if (PROPERTY.test(header.trim())) return header.trim() as ImportField;
    return ALIASES[folded] ?? null;
  });
  const seen = new Set<string>();
  for (const field of fields) {
    if (field === null) continue;
    if (seen.has(field)) throw new ImportFormatError(`two columns feed "${field}"; pick one with --map`);
    seen.add(field);
  }
  for (const required of ['created_at', 'score'] as const) {
    if (!seen.has(required)) throw new ImportFormatError(`no column for "${required}" (header: ${headers.join(', ')}); name one with --map COLUMN=${required}`);
  }
  return fields;
}
