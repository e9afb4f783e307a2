/** Pure helpers of the loop inbox: work order and keyboard commands. */
import type { Loop, LoopState } from './types.ts';

const STATE_ORDER: Record<LoopState, number> = { open: 0, contacted: 1, resolved: 2, closed: 3 };

/** Work order: overdue first, then open, then contacted, then finished; oldest first within each. */
export function workOrder(loops: readonly Loop[]): Loop[] {
  return [...loops].sort((a, b) =>
    Number(b.overdue) - Number(a.overdue)
    || STATE_ORDER[a.state] - STATE_ORDER[b.state]
    || Date.parse(a.openedAt) - Date.parse(b.openedAt));
}

/** What a key press in the inbox does. */
export type InboxCommand = 'next' | 'previous' | 'open' | 'contacted' | 'resolved' | 'note' | 'assign' | 'help';

/** The inbox shortcuts in the order the help lists them (what each does is in the dictionary, `inbox.shortcut`). */
export const SHORTCUTS: readonly { key: string; command: InboxCommand }[] = [
  { key: 'j', command: 'next' },
  { key: 'k', command: 'previous' },
  { key: 'o', command: 'open' },
  { key: 'a', command: 'assign' },
  { key: 'c', command: 'contacted' },
  { key: 'r', command: 'resolved' },
  { key: 'n', command: 'note' },
  { key: '?', command: 'help' },
];

/** The command of a key press, or null: typing in a field, or with a modifier, is never a shortcut. */
export function commandFor(event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; target?: unknown }): InboxCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName ?? ''))) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === event.key)?.command ?? null;
}

/** The states a loop may move to next, as the collector allows (open → contacted → resolved, or closed; finished loops can be reopened). */
export function nextStates(state: LoopState): LoopState[] {
  if (state === 'open') return ['contacted', 'closed'];
  if (state === 'contacted') return ['resolved', 'closed'];
  return ['open'];
}

/** Tags as typed ("Billing, VIP customer") → the slugs the collector stores (`billing`, `vip-customer`), without repeats. */
export function parseTags(text: string): string[] {
  const tags = text.split(',').map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean);
  return [...new Set(tags)];
}
