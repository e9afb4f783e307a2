/** Copies the huddle digest as Markdown, ready to paste into a chat tool. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.ts';

/** A button that fetches `huddle?format=md` and puts it on the clipboard. */
export function CopyMarkdown(props: { days: number }) {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [note, setNote] = useState<string | null>(null);
  async function copy() {
    try {
      const markdown = await api.text(`/v1/surveys/${encodeURIComponent(surveyId)}/huddle`, { days: props.days, tz: fmt.timeZone, format: 'md' });
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
