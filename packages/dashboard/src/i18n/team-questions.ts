/** The huddle's closing questions as the collector words them (English); each dictionary's `huddle.questions` translates them by position. */
export const TEAM_QUESTIONS = [
  'What did we learn from customers in this period?',
  'Which improvement do we pick, and who owns it?',
  'What do staff need to serve customers better?',
] as const;

/** A question of the digest in the viewer's language; one the dashboard does not know is shown as the collector sent it. */
export function teamQuestion(text: string, translated: readonly string[]): string {
  const index = (TEAM_QUESTIONS as readonly string[]).indexOf(text);
  return index >= 0 && translated[index] ? translated[index] : text;
}
