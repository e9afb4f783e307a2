/** The trend's significant moves in words, under the chart: each bucket that changed from the one before, corrected over all of them. */
import { changeKey, comparable } from '../figures.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Trend } from '../types.ts';

/** "No bucket changed significantly…" or the list of buckets that did; nothing for a collector that sends no changes. */
export function TrendChanges(props: { trend: Trend }) {
  const { t, fmt } = useI18n();
  const { trend } = props;
  if (!trend.multipleComparisons) return null;
  const tests = trend.multipleComparisons.tests;
  const moved = trend.buckets.flatMap((bucket, index) => {
    const before = trend.buckets[index - 1];
    if (!bucket.change?.significant || !before || !comparable(before, bucket)) return [];
    return [{ bucket, key: changeKey(bucket.change) as 'up' | 'down' }];
  });
  if (moved.length === 0) return <p class="muted small" data-testid="trend-changes">{t.overview.trendChanges.none(tests)}</p>;
  return (
    <div data-testid="trend-changes">
      <p class="muted small">{t.overview.trendChanges.some(tests)}</p>
      <ul class="trend-changes">
        {moved.map(({ bucket, key }) => (
          <li key={bucket.start} class="row-change significant">
            <span aria-hidden="true">{key === 'up' ? '▲' : '▼'} </span>
            {t.overview.trendChanges.item(fmt.bucket(bucket.start, trend.interval), t.change[key], fmt.difference(bucket.metric ?? trend.metric, bucket.change!.difference))}
          </li>
        ))}
      </ul>
    </div>
  );
}
