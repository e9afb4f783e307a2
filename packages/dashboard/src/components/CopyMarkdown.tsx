/** Copies the huddle digest as Markdown, ready to paste into a chat tool. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { viewerTimeZone } from '../format.ts';

/** A button that fetches `huddle?format=md` and puts it on the clipboard. */
export function CopyMarkdown(props: { days: number }) {
  const { api, surveyId } = useSession();
  const [note, setNote] = useState<string | null>(null);
  async function copy() {
    try {
      const markdown = await api.text(`/v1/surveys/${encodeURIComponent(surveyId)}/huddle`, { days: props.days, tz: viewerTimeZone(), format: 'md' });
      await navigator.clipboard.writeText(markdown);
      setNote('Copied: paste it into your team chat.');
    } catch (error) {
      setNote(`Could not copy: ${(error as Error).message}`);
    }
  }
  return (
    <>
      <button type="button" onClick={copy}>Copy as Markdown</button>
      {note && <span class="small" role="status">{note}</span>}
    </>
  );
}
