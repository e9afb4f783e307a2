/** Renders a resource: a loading line, a "not available on this collector" note, an error, or the content. */
import type { ComponentChildren } from 'preact';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Resource } from '../use-resource.ts';

/** Shows `children(data)` once loaded; every other state gets a readable message about `what` (a noun phrase from the dictionary). */
export function Loaded<T>(props: { resource: Resource<T>; what: string; children: (data: T) => ComponentChildren }) {
  const { t } = useI18n();
  const { resource, what } = props;
  if (resource.status === 'loading') return <p class="muted" role="status" data-loading="true">{t.common.loading(what)}</p>;
  if (resource.status === 'unavailable') {
    return <p class="notice" role="status">{t.common.unavailable(what[0].toUpperCase() + what.slice(1))}</p>;
  }
  if (resource.status === 'error') return <p class="error" role="alert">{t.common.failed(what, errorText(resource.error, t))}</p>;
  return <>{props.children(resource.data)}</>;
}
