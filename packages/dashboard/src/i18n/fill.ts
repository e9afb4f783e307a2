/** Fills `{name}` placeholders of a message with elements, so markup stays in components and words in dictionaries. */
import type { ComponentChild } from 'preact';

/** "{open} open · {overdue} overdue" with `{ open: <strong>3</strong>, … }` → children to render. */
export function fill(message: string, parts: Record<string, ComponentChild>): ComponentChild[] {
  return message.split(/\{(\w+)\}/).map((piece, index) => (index % 2 === 1 ? (piece in parts ? parts[piece] : `{${piece}}`) : piece));
}
