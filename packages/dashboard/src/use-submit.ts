/** A hook for one write at a time: busy while it runs, its failure kept for `<ErrorText>`. */
import { useState } from 'preact/hooks';

/** `run(work)` clears the last failure, marks busy, and keeps the new failure (if any) in `error`. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure ?? new Error('failed'));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run, setError };
}
