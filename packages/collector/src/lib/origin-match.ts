/** Syntax of an allowed-origin entry: scheme, optional `*.` subdomain wildcard, host, optional port or `*`. */
export const ORIGIN_PATTERN_SYNTAX = /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:(\d{1,5}|\*))?$/i;

interface ParsedOrigin {
  scheme: string;
  host: string;
  port: string;
}

function parseOrigin(origin: string): ParsedOrigin | null {
  const match = /^(https?):\/\/([^/:]+)(?::(\d{1,5}))?$/i.exec(origin);
  if (!match) return null;
  const scheme = match[1].toLowerCase();
  const defaultPort = scheme === 'https' ? '443' : '80';
  return { scheme, host: match[2].toLowerCase(), port: match[3] ?? defaultPort };
}

/** True when a request's `Origin` header matches one allowed-origin pattern. */
export function originMatches(origin: string, pattern: string): boolean {
  const request = parseOrigin(origin);
  const wildcardPort = pattern.endsWith(':*');
  const allowed = parseOrigin((wildcardPort ? pattern.slice(0, -2) : pattern).replace('://*.', '://wildcard.'));
  if (!request || !allowed || request.scheme !== allowed.scheme) return false;
  if (!wildcardPort && request.port !== allowed.port) return false;
  if (pattern.includes('://*.')) {
    const parent = allowed.host.slice('wildcard.'.length);
    return request.host.endsWith(`.${parent}`);
  }
  return request.host === allowed.host;
}

/** True when the origin matches any of the patterns. */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => originMatches(origin, pattern));
}
