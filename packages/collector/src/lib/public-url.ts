/** The collector's public address (`--public-url`, NPSLOOP_PUBLIC_URL): where people open links and the team opens the dashboard. */
import { ConfigError } from './command-line.ts';

/** The URL without a trailing slash; a ConfigError naming the flag for anything but an http(s) origin with an optional path. */
export function parsePublicUrl(text: string, flag = '--public-url'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${flag}: must be an http or https URL such as https://nps.acme.example, got "${text}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${flag}: must be an http or https URL without query, fragment or credentials, got "${text}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
