/** A secret the API returns only once: shown with a copy button until the viewer says it is stored. */
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';

/** The secret, an explanation, copy, and "I have stored it" to hide it for good. */
export function SecretOnce(props: { secret: string; note: string; copyLabel: string; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied(t.common.copied);
    } catch {
      setCopied(t.common.copyBlocked);
    }
  }
  return (
    <div class="notice secret" role="status">
      <p>{props.note}</p>
      <pre><code data-testid="secret">{props.secret}</code></pre>
      <div class="row">
        <button type="button" onClick={copy}>{props.copyLabel}</button>
        <button type="button" class="primary" onClick={props.onDone}>{t.webhooks.stored}</button>
        {copied && <span class="small">{copied}</span>}
      </div>
    </div>
  );
}
