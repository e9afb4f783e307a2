// localStorage may be missing, blocked (privacy settings, sandboxed iframes)
// or full: every access is guarded and failure resolves to a value.

/** Reads and parses a JSON value; null when missing, unreadable or blocked. */
export function readJson<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Stores a JSON value; false when storage is blocked or full. */
export function writeJson(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Removes a key; silently does nothing when storage is blocked. */
export function removeKey(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {}
}
