/** The embed snippet with copy buttons: exactly what a site owner sets, and nothing the collector already knows. */
import { useState } from 'preact/hooks';
import { fill } from '../i18n/fill.ts';
import { useI18n } from '../i18n/i18n.ts';
import { embedSnippet, selfHostedSnippet } from '../survey-form.ts';

// Where a site might serve its own copy of widget.js; only an example path in the snippet.
const SELF_HOSTED_SRC = '/js/widget.js';

/** The script tag for this collector, and the variant for a self-hosted widget.js with `data-collector`. */
export function EmbedSnippet(props: { surveyId: string }) {
  const { t } = useI18n();
  const origin = window.location.origin;
  const snippet = embedSnippet(origin, props.surveyId);
  const selfHosted = selfHostedSnippet(origin, props.surveyId, SELF_HOSTED_SRC);
  const [copied, setCopied] = useState<string | null>(null);
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t.common.copied);
    } catch {
      setCopied(t.common.copyBlocked);
    }
  }
  return (
    <div class="snippet">
      <p class="small">{fill(t.surveys.snippet.paste, { body: <code>{'</body>'}</code>, survey: <code>data-survey</code> })}</p>
      <pre><code data-testid="snippet">{snippet}</code></pre>
      <button type="button" onClick={() => copy(snippet)}>{t.surveys.snippet.copy}</button>
      <p class="small">{fill(t.surveys.snippet.selfHosted, { collector: <code>data-collector</code> })}</p>
      <pre><code data-testid="snippet-self-hosted">{selfHosted}</code></pre>
      <button type="button" onClick={() => copy(selfHosted)}>{t.surveys.snippet.copySelfHosted}</button>
      {copied && <span class="small" role="status"> {copied}</span>}
    </div>
  );
}
