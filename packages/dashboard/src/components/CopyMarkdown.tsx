/** Copies a huddle as Markdown, ready to paste into a chat tool: the live digest, or a running huddle as kept. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.ts';

/** What to copy: the digest of the last `days` days, or the huddle `huddleId` (its snapshot, notes and actions). */
export type MarkdownSource = { days: number } | { huddleId: string };

/** A button that fetches the Markdown (`huddle?format=md`, or `/v1/huddles/:id?format=md`) and puts it on the clipboard. */
export function CopyMarkdown(props: { source: MarkdownSource }) {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [note, setNote] = useState<string | null>(null);
  const { source } = props;
  async function copy() {
    try {
      const markdown = 'huddleId' in source
        ? await api.text(`/v1/huddles/${encodeURIComponent(source.huddleId)}`, { format: 'md' })
        : await api.text(`/v1/surveys/${encodeURIComponent(surveyId)}/huddle`, { days: source.days, tz: fmt.timeZone, format: 'md' });
      await navigator.clipboard.writeText(markdown);
      setNote(t.huddle.copiedMarkdown);
    } catch (error) {
      setNote(t.huddle.copyFailed(errorText(error, t)));
    }
  }
  return (
    <>
      <button type="button" onClick={copy}>{t.huddle.copy}</button>
      {note && <span class="small" role="status">{note}</span>}
    </>
  );
}
