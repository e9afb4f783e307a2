/** Renders a resource: a loading line, a "not available on this collector" note, an error, or the content. */
import type { ComponentChildren } from 'preact';
import type { Resource } from '../use-resource.ts';

/** Shows `children(data)` once loaded; every other state gets a readable message. */
export function Loaded<T>(props: { resource: Resource<T>; what: string; children: (data: T) => ComponentChildren }) {
  const { resource, what } = props;
  if (resource.status === 'loading') return <p class="muted" role="status">Loading {what}…</p>;
  if (resource.status === 'unavailable') {
    return <p class="notice" role="status">{what[0].toUpperCase() + what.slice(1)}: not available on this collector yet (it has no such endpoint).</p>;
  }
  if (resource.status === 'error') return <p class="error" role="alert">Could not load {what}: {resource.message}</p>;
  return <>{props.children(resource.data)}</>;
}
