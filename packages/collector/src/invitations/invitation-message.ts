/** One invitation email: a plain-text and an HTML part in the person's language, the neutral question and eleven personal score links. */
import type { BuiltInLocale, SurveyStrings } from '@npsloop/core';
import { escapeHtml } from '../hosted/render-page.ts';
import { INVITATION_WORDS } from './invitation-text.ts';

/** What nodemailer sends (its `list.unsubscribe` writes the List-Unsubscribe header). */
export interface InvitationMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  list: { unsubscribe: { url: string; comment: string } };
}

/** The input of one message. */
export interface MessageInput {
  locale: BuiltInLocale;
  strings: SurveyStrings;
  brand: string;
  /** The personal link; `&score=N` is added for each number. */
  linkUrl: string;
  unsubscribeUrl: string;
  /** A subject given by the sender; `{brand}` is replaced. Default: the language's own. */
  subject?: string;
}

const SCORES = Array.from({ length: 11 }, (_, score) => score);
const CELL = 'display:block;min-width:34px;padding:10px 0;text-align:center;border:1px solid #767676;border-radius:4px;'
  + 'background:#ffffff;color:#1a1a1a;text-decoration:none;font-weight:bold;font-size:16px';

/** The email for one person. */
export function invitationMessage(input: MessageInput): InvitationMessage {
  const words = INVITATION_WORDS[input.locale];
  const subject = (input.subject ?? words.subject).split('{brand}').join(input.brand);
  const why = words.why.split('{brand}').join(input.brand);
  const scoreUrl = (score: number) => `${input.linkUrl}&score=${score}`;
  const text = [
    input.strings.question, '', words.pick, `0 = ${input.strings.low}, 10 = ${input.strings.high}`, '',
    ...SCORES.map((score) => `${score}: ${scoreUrl(score)}`), '', why, `${words.unsubscribe}: ${input.unsubscribeUrl}`, '',
  ].join('\n');
  const label = (score: number) => (score === 0 ? `0, ${input.strings.low}` : score === 10 ? `10, ${input.strings.high}` : String(score));
  const cells = SCORES.map((score) => `<td style="padding:2px"><a href="${escapeHtml(scoreUrl(score))}" style="${CELL}" aria-label="${escapeHtml(label(score))}">${score}</a></td>`).join('');
  const html = `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#fafafa;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif">
<div role="article" aria-roledescription="email" lang="${input.locale}" style="max-width:600px;margin:0 auto;padding:24px 16px">
<h1 style="font-size:20px;line-height:1.3;margin:0 0 12px">${escapeHtml(input.strings.question)}</h1>
<p style="margin:0 0 12px;font-size:15px">${escapeHtml(words.pick)}</p>
<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%"><tr>${cells}</tr></table>
<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;margin-top:6px;font-size:14px;color:#4a4a4a"><tr>
<td style="text-align:left">0 = ${escapeHtml(input.strings.low)}</td><td style="text-align:right">10 = ${escapeHtml(input.strings.high)}</td></tr></table>
<p style="margin:32px 0 0;font-size:13px;color:#4a4a4a">${escapeHtml(why)} <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#1a5fb4">${escapeHtml(words.unsubscribe)}</a></p>
</div></body></html>`;
  return {
    subject, text, html,
    // RFC 8058: mail providers may unsubscribe with one POST to the List-Unsubscribe URL.
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    list: { unsubscribe: { url: input.unsubscribeUrl, comment: words.unsubscribe } },
  };
}
