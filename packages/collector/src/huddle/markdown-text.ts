/** Making untrusted text safe inside chat Markdown: no formatting, links, mentions or line breaks of its own. */

// Characters that format anywhere in a line; list markers only matter at the start.
const SPECIAL = /[\\`*_{}[\]<>#|~]/g;
const LIST_MARKER = /^([-+]|\d+[.)])(?=\s)/;

/** Escapes a comment for Markdown: one line, Markdown characters backslashed, @-mentions defused, length bounded. */
export function escapeMarkdown(text: string, maxLength = 280): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const bounded = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1).trimEnd()}…` : oneLine;
  // An invisible word joiner after @ keeps "@here" and "@channel" from pinging anyone.
  return bounded.replace(SPECIAL, (character) => `\\${character}`).replace(LIST_MARKER, '\\$1').replace(/@/g, '@\u2060');
}

/** A signed number with one decimal, as NPS changes are read: +12.5, −3.0, 0.0. */
export function signed(value: number): string {
  if (value === 0) return '0.0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}
