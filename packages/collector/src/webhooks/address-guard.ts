/** Refuses webhook targets on private, loopback, link-local and other non-public addresses (SSRF guard). */
import { lookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** The well-known NAT64 prefix (RFC 6052): the last 32 bits are the IPv4 address it reaches. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

/** The IPv4 address an IPv6 address stands for (IPv4-mapped, -translated, -compatible, well-known NAT64), or null. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  const [a, b, c, d, e, f, high, low] = address.parts;
  const lastBits = () => new ipaddr.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
  if (range === 'ipv4Mapped') return address.toIPv4Address();
  if (range === 'rfc6145') return lastBits();
  if (range === 'rfc6052') return address.match(NAT64_WELL_KNOWN) ? lastBits() : null;
  // IPv4-compatible (`::a.b.c.d`, deprecated): Node writes `[::127.0.0.1]` as `[::7f00:1]`, which ipaddr calls unicast.
  return a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0 ? lastBits() : null;
}

/**
 * True for an address a public webhook must never reach. Addresses are parsed, never matched as text, so every
 * spelling of one address gets the same answer; an IPv6 address that stands for an IPv4 one is judged as that IPv4
 * address. Only global unicast passes: private, loopback, link-local, documentation, 6to4, Teredo, local-use NAT64
 * (64:ff9b:1::/48) and every other special range are refused, as is anything that does not parse.
 */
export function isNonPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const ipv4 = embeddedIPv4(parsed as ipaddr.IPv6);
  if (ipv4) return ipv4.range() !== 'unicast';
  return parsed.range() !== 'unicast';
}

/** Why a URL's host is refused, or null when it is acceptable. */
export function refusedAddresses(addresses: readonly string[], allowPrivate: boolean): string | null {
  if (allowPrivate) return null;
  const bad = addresses.find(isNonPublicAddress);
  return bad === undefined ? null : `resolves to ${bad}, a private or loopback address (allow with the operator option)`;
}

/** Every address a host name resolves to (an IP literal resolves to itself). */
export function resolveHost(hostname: string): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return Promise.resolve([host]);
  return new Promise((resolve, reject) => {
    lookup(host, { all: true }, (error, addresses: LookupAddress[]) => (error ? reject(error) : resolve(addresses.map((entry) => entry.address))));
  });
}

/** A `lookup` for `http.request` that fails the connection when the host resolves to a refused address. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    lookup(hostname, { all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const refusal = refusedAddresses(addresses.map((entry) => entry.address), allowPrivate);
      if (refusal) return callback(new Error(`${hostname} ${refusal}`));
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
