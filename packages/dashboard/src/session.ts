/** The signed-in key and the viewer's name, kept in sessionStorage (gone when the tab closes, never in a URL). */

const KEY = 'npsloop.apiKey';
const NAME = 'npsloop.name';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The stored API key, or null. */
export function storedKey(): string | null {
  return storage()?.getItem(KEY) ?? null;
}

/** Stores the API key for this tab. */
export function storeKey(key: string): void {
  storage()?.setItem(KEY, key);
}

/** Forgets the API key (sign out). */
export function forgetKey(): void {
  storage()?.removeItem(KEY);
}

/** The name notes and actions are written under; empty until the viewer gives one. */
export function storedName(): string {
  return storage()?.getItem(NAME) ?? '';
}

/** Remembers the viewer's name for notes and assignments. */
export function storeName(name: string): void {
  storage()?.setItem(NAME, name.trim());
}
