/** Downloads the filtered responses as CSV through the API (the key goes in a header, so a plain link cannot). */
import type { Query } from '../api.ts';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSubmit } from '../use-submit.ts';
import { ErrorText } from './ErrorText.tsx';

/** A button that fetches `export?format=csv` with the given filters and saves it as a file. */
export function ExportLink(props: { filters: Query }) {
  const { api, surveyId } = useSession();
  const { t } = useI18n();
  const { error, run } = useSubmit();
  const download = () => run(async () => {
    const csv = await api.text(`/v1/surveys/${encodeURIComponent(surveyId)}/export`, { ...props.filters, format: 'csv' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = `${surveyId}-responses.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  return (
    <>
      <button type="button" onClick={download}>{t.comments.downloadCsv}</button>
      <ErrorText error={error} inline />
    </>
  );
}
