/**
 * Every measure of the plan (/measures), by field, with its promotion period
 * and target areas; a plain GET form filters the list by area and by period.
 */
import { matchesMeasureFilter } from '@mirai/core';
import type { PageModel } from '../types';
import { MeasureFilterForm, PeriodBadge, TargetAreas } from '../ui/measure-filter';
import { Level } from '../ui/site';
import { L, SampleBadge, T } from '../ui/text';

type Model = Extract<PageModel, { page: 'measures' }>;

export function MeasuresPage({ model }: { model: Model }) {
  const areas = model.tree.areas;
  const city = areas.find((a) => a.layer === 'city')?.code ?? null;
  const fields = model.tree.strategies.flatMap((s) => s.fields);
  const all = fields.flatMap((f) => f.measures);
  const shown = fields
    .map((f) => ({ f, measures: f.measures.filter((m) => matchesMeasureFilter(m, model.filter, city)) }))
    .filter((x) => x.measures.length > 0);
  return (
    <main id="main">
      <h1>
        <Level k="measure" />
        <L ja="の一覧" en=": all" />
      </h1>
      <MeasureFilterForm
        action="/measures"
        filter={model.filter}
        areas={areas}
        shown={shown.reduce((n, x) => n + x.measures.length, 0)}
        total={all.length}
      />
      {shown.length === 0 ? (
        <p>
          <L ja="条件に合うものはありません。" en="Nothing matches." />
        </p>
      ) : (
        shown.map(({ f, measures }) => (
          <section key={f.code} aria-labelledby={`f-${f.code}`}>
            <h2 id={`f-${f.code}`}>
              <a href={`/fields/${f.code}`}>
                <T text={f.name} />
              </a>
            </h2>
            <ul>
              {measures.map((m) => (
                <li key={m.code}>
                  <a href={`/measures/${m.code}`}>
                    <T text={m.name} />
                  </a>{' '}
                  <SampleBadge sample={m.sample} /> <PeriodBadge period={m.promotionPeriod} />{' '}
                  <TargetAreas codes={m.targetAreas} areas={areas} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </main>
  );
}
