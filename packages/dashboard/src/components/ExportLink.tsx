/** Downloads the filtered responses as CSV through the API (the key goes in a header, so a plain link cannot). */
import { useState } from 'preact/hooks';
import type { Query } from '../api.ts';
import { useSession } from '../context.ts';

/** A button that fetches `export?format=csv` with the given filters and saves it as a file. */
export function ExportLink(props: { filters: Query }) {
  const { api, surveyId } = useSession();
  const [error, setError] = useState<string | null>(null);
  async function download() {
    try {
      const csv = await api.text(`/v1/surveys/${encodeURIComponent(surveyId)}/export`, { ...props.filters, format: 'csv' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = `${surveyId}-responses.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }
  return (
    <>
      <button type="button" onClick={download}>Download CSV</button>
      {error && <span class="error small" role="alert">{error}</span>}
    </>
  );
}
