/** The embed snippet with a copy button. */
import { useState } from 'preact/hooks';
import { embedSnippet } from '../survey-form.ts';

/** Shows the script tag for this collector and copies it to the clipboard. */
export function EmbedSnippet(props: { surveyId: string }) {
  const snippet = embedSnippet(window.location.origin, props.surveyId);
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Copying was blocked: select the text and copy it by hand.');
    }
  }
  return (
    <div class="snippet">
      <p class="small">Paste this before <code>{'</body>'}</code> on every page that may ask:</p>
      <pre><code data-testid="snippet">{snippet}</code></pre>
      <button type="button" onClick={copy}>Copy snippet</button>
      {copied && <span class="small" role="status"> {copied}</span>}
    </div>
  );
}
