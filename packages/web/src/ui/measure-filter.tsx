/**
 * Measures' promotion period and target areas, and the plain GET form that
 * filters a list of measures by area and by period (works without scripts:
 * the server reads the query and lists what matches).
 */
import type { MeasureFilter, PromotionPeriod, Text } from '@mirai/core';
import { useLang } from '../i18n/lang';
import { L, pick } from './text';

export function PeriodBadge({ period }: { period: PromotionPeriod | null | undefined }) {
  if (!period) return null;
  return (
    <span className="badge">
      {period === 'short' ? <L ja="短期推進" en="Short-term" /> : <L ja="長期推進" en="Long-term" />}
    </span>
  );
}

/** "対象地域: A、B" with each area linked to its page (nothing when the measure names none). */
export function TargetAreas({
  codes,
  areas,
}: {
  codes: readonly string[];
  areas: readonly { code: string; name: Text }[];
}) {
  const lang = useLang();
  if (codes.length === 0) return null;
  const names = new Map(areas.map((a) => [a.code, a.name]));
  return (
    <span className="target-areas">
      <L ja="対象地域: " en="Target areas: " />
      {codes.map((c, i) => (
        <span key={c}>
          {i > 0 ? (lang === 'en' ? ', ' : '、') : ''}
          <a href={`/areas/${c}`}>{pick(names.get(c) ?? { ja: c }, lang).value}</a>
        </span>
      ))}
    </span>
  );
}

export function MeasureFilterForm({
  action,
  filter,
  areas,
  shown,
  total,
}: {
  action: string;
  filter: MeasureFilter;
  /** The areas to offer; none hides the area choice (e.g. on an area's own page). */
  areas: readonly { code: string; name: Text }[];
  shown: number;
  total: number;
}) {
  const lang = useLang();
  return (
    <form method="get" action={action} className="measure-filter">
      {areas.length > 0 ? (
        <label>
          <L ja="対象地域" en="Target area" />{' '}
          <select name="area" defaultValue={filter.area ?? ''}>
            <option value="">{lang === 'en' ? 'All' : 'すべて'}</option>
            {areas.map((a) => (
              <option key={a.code} value={a.code}>
                {pick(a.name, lang).value}
              </option>
            ))}
          </select>
        </label>
      ) : null}{' '}
      <label>
        <L ja="推進期間" en="Promotion period" />{' '}
        <select name="period" defaultValue={filter.period ?? ''}>
          <option value="">{lang === 'en' ? 'All' : 'すべて'}</option>
          <option value="short">{lang === 'en' ? 'Short-term' : '短期推進'}</option>
          <option value="long">{lang === 'en' ? 'Long-term' : '長期推進'}</option>
        </select>
      </label>{' '}
      <button type="submit">
        <L ja="絞り込む" en="Filter" />
      </button>{' '}
      <output aria-live="polite">
        <L ja={`${total} 件中 ${shown} 件`} en={`${shown} of ${total}`} />
      </output>
    </form>
  );
}
