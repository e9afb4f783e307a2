/** The hosted page's personal-link path: what a resolved link records, and the pages for links that cannot be used. */
import type { LinkRecord } from '../db/repositories/link-repository.ts';
import type { ResponseBody } from '../ingest/ingest-schemas.ts';

/** A personal link as the hosted page needs it: the stored link's recipient and context. */
export type PersonalLink = Pick<LinkRecord, 'surveyId' | 'responseId' | 'email' | 'userId' | 'traits' | 'touchpoint' | 'channel'>;

/** Finds the link of a token, or says why it is refused. */
export type LinkResolver = (surveyId: string, token: string, now: number) => Promise<PersonalLink | { refused: 'invalid' | 'revoked' | 'expired' }>;

/** The page shown for each link that cannot record, and for a score that can no longer change. */
export const LINK_REFUSALS = {
  invalid: {
    status: 403, title: 'This survey link is not valid',
    message: 'The link may have been cut short or changed. Open it again from the message you received, or ask the sender for a new one. Nothing was recorded.',
  },
  revoked: { status: 410, title: 'This survey link is no longer valid', message: 'The sender has withdrawn it. Nothing was recorded.' },
  expired: { status: 410, title: 'This survey link has expired', message: 'Thank you for wanting to answer. This link no longer takes answers, and nothing was recorded.' },
  locked: {
    status: 409, title: 'Your answer is already recorded',
    message: 'Thank you! An answer can be changed only within 30 minutes of the first click, so your first answer stands.',
  },
} as const;

/** The response a click on a personal link records: the link's own response id, recipient, traits, touchpoint and channel. */
export function linkResponse(link: PersonalLink, score: number, locale: string): ResponseBody {
  const respondent = { ...(link.email ? { email: link.email } : {}), ...(link.userId ? { userId: link.userId } : {}) };
  return {
    id: link.responseId, surveyId: link.surveyId, score, channel: link.channel as ResponseBody['channel'], locale,
    touchpoint: link.touchpoint ?? undefined, respondent, properties: link.traits ?? undefined,
  };
}
