/** A hook for one write at a time: busy while it runs, its failure as a readable message. */
import { useState } from 'preact/hooks';

/** `run(work)` clears the last error, marks busy, and keeps the failure's message in `error`. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
