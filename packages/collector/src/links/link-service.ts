/** Makes personal links (a row and a signed token per recipient) and resolves a token back to its link. */
import { randomBytes } from 'node:crypto';
import { sortableId } from '@npsloop/core';
import type { Database } from '../db/database.ts';
import type { LinkRecord } from '../db/repositories/link-repository.ts';
import { newLinkId, signLinkToken, verifyLinkToken, type TokenRefusal } from './link-token.ts';
import type { LinkRequest } from './link-schemas.ts';

const DAY_MS = 86_400_000;

/** A link made for one recipient: its record and the absolute URL to send. */
export interface IssuedLink {
  link: LinkRecord;
  url: string;
  /** The signed token in the URL (also names the recipient to the unsubscribe page). */
  token: string;
}

/** The hosted page's URL for a token (`url + "&score=N"` records N). */
export function linkUrl(publicUrl: string, surveyId: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/s/${encodeURIComponent(surveyId)}?t=${token}`;
}

/** The personal-links service of one database. */
export function createLinkService(database: Pick<Database, 'links' | 'write'>) {
  return {
    /** Stores one link per recipient (in one transaction) and signs their tokens with the current secret. */
    async create(surveyId: string, request: LinkRequest, publicUrl: string, now: number): Promise<IssuedLink[]> {
      const secret = await database.links.signingSecret(now);
      const expiresAt = now + request.expiresInDays * DAY_MS;
      const links: LinkRecord[] = request.recipients.map((recipient) => ({
        id: newLinkId(randomBytes(8)), surveyId, responseId: sortableId(now, randomBytes(12)),
        email: recipient.email ?? null, userId: recipient.userId ?? null, traits: recipient.traits ?? null,
        touchpoint: request.touchpoint ?? null, channel: request.channel, expiresAt, createdAt: now,
      }));
      await database.write((tx) => tx.links.create(links));
      return links.map((link) => {
        const token = signLinkToken(secret.key, surveyId, { secretId: secret.id, linkId: link.id, expiresAt });
        return { link, token, url: linkUrl(publicUrl, surveyId, token) };
      });
    },

    /** A link made before, signed again with the current secret (an invitation sent again after a crash keeps its link); undefined when gone or expired. */
    async reissue(linkId: string, publicUrl: string, now: number): Promise<IssuedLink | undefined> {
      const link = await database.links.get(linkId);
      if (!link || link.expiresAt <= now) return undefined;
      const secret = await database.links.signingSecret(now);
      const token = signLinkToken(secret.key, link.surveyId, { secretId: secret.id, linkId: link.id, expiresAt: link.expiresAt });
      return { link, token, url: linkUrl(publicUrl, link.surveyId, token) };
    },

    /** A survey's links, newest first, with their URL to copy (null once expired) and whether each was answered. */
    async list(surveyId: string, publicUrl: string, now: number, limit: number) {
      const secret = await database.links.signingSecret(now);
      return (await database.links.list(surveyId, limit)).map((link) => ({
        link,
        url: link.expiresAt <= now ? null : linkUrl(publicUrl, surveyId, signLinkToken(secret.key, surveyId, { secretId: secret.id, linkId: link.id, expiresAt: link.expiresAt })),
      }));
    },

    /** The link a token stands for, or why it is refused (a link erased for privacy reads as revoked). */
    async resolve(surveyId: string, token: string, now: number, options: { evenExpired?: boolean } = {}): Promise<LinkRecord | { refused: TokenRefusal }> {
      const secrets = await database.links.secrets();
      // Unsubscribing works with an expired link too: it only ever takes someone off the list.
      const claims = verifyLinkToken(token, surveyId, options.evenExpired ? 0 : now, (id) => secrets.find((secret) => secret.id === id));
      if ('refused' in claims) return claims;
      const link = await database.links.get(claims.linkId);
      return link && link.surveyId === surveyId ? link : { refused: 'revoked' };
    },
  };
}

/** The links service's interface. */
export type LinkService = ReturnType<typeof createLinkService>;
