import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newLinkId, signLinkToken, TOKEN_PATTERN, verifyLinkToken } from '../../src/links/link-token.ts';

const key = randomBytes(32);
const linkId = newLinkId(randomBytes(8));
const now = Date.UTC(2026, 0, 1);
const claims = { secretId: 3, linkId, expiresAt: now + 86_400_000 };
const keyOf = (id: number) => (id === 3 ? { key, retired: false } : undefined);

/** The token with the character at `index` changed by one place in the alphabet (the smallest change there is). */
const flipped = (token: string, index: number) => token.slice(0, index) + (token[index] === 'A' ? 'B' : 'A') + token.slice(index + 1);

describe('personal link tokens', () => {
  it('are 31 URL-safe characters that verify back to their claims', () => {
    const token = signLinkToken(key, 'demo', claims);
    expect(token).toMatch(TOKEN_PATTERN);
    expect(verifyLinkToken(token, 'demo', now, keyOf)).toEqual(claims);
  });

  it('refuse every changed character, a cut token, another survey and an unknown secret as invalid', () => {
    const token = signLinkToken(key, 'demo', claims);
    // The last character's lowest two bits are unused: flipping one spells the same bytes, and is still refused.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const lastSpelledOtherwise = token.slice(0, 30) + alphabet[alphabet.indexOf(token[30]) ^ 1];
    expect(Buffer.from(lastSpelledOtherwise, 'base64url')).toEqual(Buffer.from(token, 'base64url'));
    expect(verifyLinkToken(lastSpelledOtherwise, 'demo', now, keyOf)).toEqual({ refused: 'invalid' });
    for (let index = 0; index < token.length; index++) expect(verifyLinkToken(flipped(token, index), 'demo', now, keyOf), `char ${index}`).toEqual({ refused: 'invalid' });
    expect(verifyLinkToken(token.slice(0, 30), 'demo', now, keyOf)).toEqual({ refused: 'invalid' });
    expect(verifyLinkToken(token, 'other', now, keyOf)).toEqual({ refused: 'invalid' });
    expect(verifyLinkToken(token, 'demo', now, () => undefined)).toEqual({ refused: 'invalid' });
  });

  it('refuse a token at its expiry, and one whose secret was retired', () => {
    const token = signLinkToken(key, 'demo', claims);
    expect(verifyLinkToken(token, 'demo', claims.expiresAt, keyOf)).toEqual({ refused: 'expired' });
    expect(verifyLinkToken(token, 'demo', now, () => ({ key, retired: true }))).toEqual({ refused: 'revoked' });
  });
});
