/** Making untrusted text safe inside chat Markdown: no formatting, links, mentions or line breaks of its own. */

const SPECIAL = /[\\`*_{}[\]()<>#+\-.!|~>]/g;

/** Escapes a comment for Markdown: one line, Markdown characters backslashed, @-mentions defused, length bounded. */
export function escapeMarkdown(text: string, maxLength = 280): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const bounded = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1).trimEnd()}…` : oneLine;
  // A zero-width joiner after @ keeps "@here" and "@channel" from pinging anyone.
  return bounded.replace(SPECIAL, (character) => `\\${character}`).replace(/@/g, '@\u2060');
}

/** A signed number with one decimal, as NPS changes are read: +12.5, −3.0, 0.0. */
export function signed(value: number): string {
  if (value === 0) return '0.0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}
