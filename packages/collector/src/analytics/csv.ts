/** RFC 4180 CSV: fields quoted when needed, quotes doubled, CRLF line ends; text that a spreadsheet would run is neutralised. */

/** A cell starting with one of these runs as a formula in Excel, LibreOffice and Google Sheets (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: null and undefined are empty; objects are JSON; text that would run as a formula gets a leading `'`. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Only text is neutralised: a number such as -3 stays a number.
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record with its CRLF. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
