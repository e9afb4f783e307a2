/**
 * Personal link tokens: short enough for an SMS, signed so nobody can make or change one. A token is the
 * base64url of 13 payload bytes (the secret's number, the link id, the expiry in minutes) and 10 bytes of
 * HMAC-SHA256 over the survey id and the payload: 31 characters.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const LINK_ID_BYTES = 8;
const PAYLOAD_BYTES = 1 + LINK_ID_BYTES + 4;
/** 80 bits of MAC: guessing one takes about 2^79 tries, far past what a rate-limited page answers. */
const MAC_BYTES = 10;
const MINUTE_MS = 60_000;

/** The characters of a token (base64url), for the query-string schema. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{31}$/;

/** What a token carries once its signature checks out. */
export interface LinkClaims {
  secretId: number;
  /** The link's id in `survey_links` (base64url of 8 random bytes). */
  linkId: string;
  /** Epoch ms, to the minute. */
  expiresAt: number;
}

/** Why a token was refused: `invalid` (changed, cut short or for another survey), `revoked` (its secret was retired), `expired`. */
export type TokenRefusal = 'invalid' | 'revoked' | 'expired';

function mac(key: Buffer, surveyId: string, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(`npsloop-link\0${surveyId}\0`).update(payload).digest().subarray(0, MAC_BYTES);
}

/** The token of a link: binds survey, link (and through it the recipient) and expiry. */
export function signLinkToken(key: Buffer, surveyId: string, claims: LinkClaims): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUInt8(claims.secretId, 0);
  Buffer.from(claims.linkId, 'base64url').copy(payload, 1, 0, LINK_ID_BYTES);
  payload.writeUInt32BE(Math.ceil(claims.expiresAt / MINUTE_MS), 1 + LINK_ID_BYTES);
  return Buffer.concat([payload, mac(key, surveyId, payload)]).toString('base64url');
}

/** The claims of a genuine, unexpired token, or why it is refused; `keyOf` finds a secret by number. */
export function verifyLinkToken(
  token: string, surveyId: string, now: number, keyOf: (secretId: number) => { key: Buffer; retired: boolean } | undefined,
): LinkClaims | { refused: TokenRefusal } {
  if (!TOKEN_PATTERN.test(token)) return { refused: 'invalid' };
  const bytes = Buffer.from(token, 'base64url');
  // The last character carries two unused bits: only the one spelling of the bytes is the token.
  if (bytes.length !== PAYLOAD_BYTES + MAC_BYTES || bytes.toString('base64url') !== token) return { refused: 'invalid' };
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  const secret = keyOf(payload.readUInt8(0));
  if (!secret || !timingSafeEqual(mac(secret.key, surveyId, payload), bytes.subarray(PAYLOAD_BYTES))) return { refused: 'invalid' };
  if (secret.retired) return { refused: 'revoked' };
  const expiresAt = payload.readUInt32BE(1 + LINK_ID_BYTES) * MINUTE_MS;
  if (expiresAt <= now) return { refused: 'expired' };
  return { secretId: payload.readUInt8(0), linkId: payload.subarray(1, 1 + LINK_ID_BYTES).toString('base64url'), expiresAt };
}

/** A new link id: 8 random bytes as base64url. */
export function newLinkId(random: Buffer): string {
  return random.subarray(0, LINK_ID_BYTES).toString('base64url');
}
