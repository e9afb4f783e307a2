import { readJson, removeKey, writeJson } from './storage';
import { beacon, isRefused, request, type Reply, type Send } from './transport';

/** One request waiting to be delivered. `key` names what it updates: a newer body for the same key replaces it. */
export interface OutboxEntry {
  url: string;
  key: string;
  body: string;
  attempts: number;
  dueAt: number;
  createdAt: number;
}

/** Delivers requests at least once, in order per key, surviving network failures and page loads. */
export interface Outbox {
  /** Stores the request, then tries to send it. */
  send(url: string, key: string, body: string): void;
  /** Sends every entry that is due. */
  flush(): void;
  /** Hands every waiting entry to `sendBeacon` as the page goes away; the entries stay until confirmed. */
  flushOnHide(): void;
}

/** The localStorage key of the outbox; absent when nothing waits. */
export const OUTBOX_KEY = 'npsloop:outbox';
const MAX_ENTRIES = 50;
const MAX_AGE = 7 * 864e5;
const MAX_DELAY = 5 * 60_000;

/** Wait before the next try: doubling from about a second, capped at five minutes, with jitter. */
export function retryDelay(attempts: number): number {
  return Math.min(MAX_DELAY, 500 * 2 ** attempts * (1 + Math.random()));
}

/**
 * An outbox kept in localStorage (in memory when storage is blocked). A 2xx
 * settles an entry; a refusal (see `isRefused`) drops it and calls `onRefused`;
 * anything else is retried with backoff.
 */
export function createOutbox(onRefused: (entry: OutboxEntry, reply: Reply) => void = () => {}, send: Send = request): Outbox {
  let memory: OutboxEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Keys with a request on the wire: a second request for the same key waits, so updates land in order.
  const inFlight = new Set<string>();

  // In memory only while storage refuses writes; otherwise storage is the truth, shared with other tabs.
  let blocked = false;
  const load = (): OutboxEntry[] => {
    const now = Date.now();
    return (blocked ? memory : readJson<OutboxEntry[]>(OUTBOX_KEY) ?? []).filter((entry) => now - entry.createdAt < MAX_AGE);
  };
  const save = (entries: OutboxEntry[]): void => {
    memory = entries.slice(-MAX_ENTRIES);
    if (memory.length) blocked = !writeJson(OUTBOX_KEY, memory);
    else removeKey(OUTBOX_KEY);
  };

  const schedule = (): void => {
    clearTimeout(timer);
    const waiting = load().filter((entry) => !inFlight.has(entry.key));
    if (waiting.length) timer = setTimeout(flush, Math.max(0, Math.min(...waiting.map((entry) => entry.dueAt)) - Date.now()));
  };

  const settle = (sent: OutboxEntry, reply: Reply): void => {
    inFlight.delete(sent.key);
    const entries = load();
    const index = entries.findIndex((entry) => entry.key === sent.key && entry.body === sent.body);
    const refused = isRefused(reply.status);
    // Not found: replaced by a newer body, or settled by another tab.
    if (index >= 0) {
      if (refused || reply.status >= 200 && reply.status < 300) entries.splice(index, 1);
      else entries[index] = { ...sent, attempts: sent.attempts + 1, dueAt: Date.now() + retryDelay(sent.attempts) };
      save(entries);
    }
    if (refused) onRefused(sent, reply);
    schedule();
  };

  function flush(): void {
    const now = Date.now();
    for (const entry of load()) {
      if (entry.dueAt > now || inFlight.has(entry.key)) continue;
      inFlight.add(entry.key);
      send('POST', entry.url, entry.body).then((reply) => settle(entry, reply));
    }
    schedule();
  }

  return {
    send(url, key, body) {
      const now = Date.now();
      save([...load().filter((entry) => entry.key !== key), { url, key, body, attempts: 0, dueAt: now, createdAt: now }]);
      flush();
    },
    flush,
    flushOnHide() {
      for (const entry of load()) beacon(entry.url, entry.body);
    },
  };
}
