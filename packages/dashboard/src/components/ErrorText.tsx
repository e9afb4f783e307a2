/** A failure shown as an alert in the viewer's language; nothing when there is none. */
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.ts';

/** `<p role="alert">` with the failure's text, or nothing. */
export function ErrorText(props: { error: unknown; inline?: boolean }) {
  const { t } = useI18n();
  if (props.error === null || props.error === undefined) return null;
  const Tag = props.inline ? 'span' : 'p';
  return <Tag class={props.inline ? 'error small' : 'error'} role="alert">{errorText(props.error, t)}</Tag>;
}
