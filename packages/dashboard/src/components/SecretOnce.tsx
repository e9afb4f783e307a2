/** A secret the API returns only once: shown with a copy button until the viewer says it is stored. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';

/**
 * The warning, the secret, copy, and "I have stored it" to hide it for good.
 * The box takes the focus when it appears, so a screen reader reads the warning
 * first and a keyboard user lands on the copy button with one Tab.
 */
export function SecretOnce(props: { secret: string; note: string; copyLabel: string; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState('');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [props.secret]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied(t.common.copied);
    } catch {
      setCopied(t.common.copyBlocked);
    }
  }
  return (
    <div class="notice secret" role="group" aria-labelledby="secret-note" tabIndex={-1} ref={box}>
      <p id="secret-note" class="strong">{props.note}</p>
      <pre><code data-testid="secret">{props.secret}</code></pre>
      <div class="row">
        <button type="button" onClick={copy}>{props.copyLabel}</button>
        <button type="button" class="primary" onClick={props.onDone}>{t.common.stored}</button>
        <span class="small" role="status">{copied}</span>
      </div>
    </div>
  );
}
