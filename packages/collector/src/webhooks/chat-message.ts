/**
 * Chat alerts: a webhook with `format: "slack"` gets `{ "text": … }` instead of the Standard Webhooks body.
 * Only `text` is sent: Slack, Mattermost, Google Chat and Teams incoming webhooks all show it (Google Chat
 * refuses fields it does not know, such as Slack's `blocks`), and each turns a bare URL into a link.
 */
import { TEST_DELIVERY } from '../db/repositories/webhook-repository.ts';

/** The longest comment quoted in a chat message; the rest is in the dashboard. */
const COMMENT_MAX = 500;

/**
 * Text from an answer, made inert in every chat: `&`, `<`, `>` escaped as Slack requires (so `<!channel>` or
 * `<https://evil|bank>` stays text), and `@` mentions broken with a zero-width space (Mattermost's `@all`).
 */
export function chatSafe(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@(?=\w)/g, '@\u200b');
}

function quoted(comment: string | null): string {
  if (!comment?.trim()) return 'No comment.';
  const flat = comment.replace(/\s+/g, ' ').trim();
  return `“${chatSafe(flat.length > COMMENT_MAX ? `${flat.slice(0, COMMENT_MAX - 1)}…` : flat)}”`;
}

/** "3 h 20 min", "2 d 4 h": how late a loop is. */
export function lateness(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

interface ChatResponse {
  score: number;
  comment: string | null;
  touchpoint: string | null;
}

/** What a Standard Webhooks body says, as far as a chat message needs it. */
interface EventBody {
  type: string;
  timestamp: string;
  data: {
    loop?: { responseId: string; surveyId: string; dueAt: string; assignee: string | null; response: ChatResponse };
    response?: ChatResponse & { id: string; surveyId: string };
  };
}

/** The chat message `{ text }` for a Standard Webhooks body; `publicUrl` adds a link to the survey's loop inbox. */
export function chatMessage(standardBody: string, publicUrl: string | undefined): { text: string } {
  const event = JSON.parse(standardBody) as EventBody;
  if (event.type === TEST_DELIVERY) return { text: `Test message from npsloop (${TEST_DELIVERY}): this chat alert works.` };
  const surveyId = event.data.loop?.surveyId ?? event.data.response!.surveyId;
  const answer = event.data.loop?.response ?? event.data.response!;
  const where = answer.touchpoint ? ` at ${chatSafe(answer.touchpoint)}` : '';
  const headline: Record<string, string> = {
    'loop.opened': `New detractor in ${chatSafe(surveyId)}: ${answer.score}/10${where}`,
    'loop.overdue': `Loop overdue in ${chatSafe(surveyId)} by ${event.data.loop ? lateness(Date.parse(event.timestamp) - Date.parse(event.data.loop.dueAt)) : '?'}: ${answer.score}/10${where}`,
    'response.created': `New answer in ${chatSafe(surveyId)}: ${answer.score}/10${where}`,
    'response.updated': `Answer updated in ${chatSafe(surveyId)}: ${answer.score}/10${where}`,
  };
  const lines = [headline[event.type] ?? `${event.type} in ${chatSafe(surveyId)}`, quoted(answer.comment)];
  if (event.data.loop) lines.push(event.data.loop.assignee ? `Assigned to ${chatSafe(event.data.loop.assignee)}.` : 'Nobody is assigned yet.');
  if (publicUrl) lines.push(`Open the loop inbox: ${publicUrl}/dashboard/#/${encodeURIComponent(surveyId)}/inbox`);
  return { text: lines.join('\n') };
}
