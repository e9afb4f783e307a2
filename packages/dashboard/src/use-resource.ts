/** A hook that loads one API resource and reports loading, data, "not available" or the failure. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

/** The state of a loaded resource. */
export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'unavailable' }
  | { status: 'error'; error: unknown };

/** Loads with `load` whenever `deps` change; `reload()` fetches again (keeping the shown data until the answer comes). */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ status: 'ok', data }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.notAvailable) setState({ status: 'unavailable' });
        else setState({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return [state, reload];
}
