/** One indicator in a list: name (linked), baseline, target, latest value and status in words and symbol. */
import { figureKey, figureKeys } from '@mirai/core';
import { useLang } from '../i18n/lang';
import type { IndicatorSummaryView } from '../types';
import { StatusBadge } from './status-badge';
import { M, Num, Paren, SampleBadge, T } from './text';
import { FiscalYear } from './years';

export function comparisonText(c: string | undefined, lang: 'ja' | 'en'): string {
  if (c === 'at-least') return lang === 'en' ? ' or more' : '以上';
  if (c === 'at-most') return lang === 'en' ? ' or less' : '以下';
  return '';
}

export function IndicatorCard({ i, heading = 'h3' }: { i: IndicatorSummaryView; heading?: 'h3' | 'h4' }) {
  const lang = useLang();
  const H = heading;
  return (
    <li className="card">
      <H>
        <a href={`/indicators/${encodeURIComponent(i.code)}`}>
          <T text={i.name} />
        </a>{' '}
        <SampleBadge sample={i.sample} />
      </H>
      <dl className="facts">
        <dt>
          <M k="baseline" />
        </dt>
        <dd>
          {i.baseline ? (
            <>
              <Num
                value={i.baseline.value}
                digits={decimals(i.baseline.value)}
                figure={baselineFigure(i.code, i.frequency, i.baseline.asOf)}
              />{' '}
              <T text={i.unit} />
              <Paren>{i.baseline.asOf}</Paren>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>
          <M k="target" />
        </dt>
        <dd>
          {i.finalTarget ? (
            <>
              <FiscalYear fy={i.finalTarget.fiscalYear} />:{' '}
              <Num
                value={i.finalTarget.value}
                digits={decimals(i.finalTarget.value)}
                figure={figureKey(i.code, 'target', i.finalTarget.fiscalYear)}
              />{' '}
              <T text={i.unit} />
              {comparisonText(i.finalTarget.comparison, lang)}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>
          <M k="latest" />
        </dt>
        <dd>
          {i.latest ? (
            <>
              <Num
                value={i.latest.value}
                digits={decimals(i.latest.value)}
                figure={i.latest.date ? undefined : figureKey(i.code, 'actual', i.latest.fiscalYear)}
              />{' '}
              <T text={i.unit} />
              <Paren>
                <FiscalYear fy={i.latest.fiscalYear} />
              </Paren>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>
          <M k="status" />
        </dt>
        <dd>
          <StatusBadge statusKey={i.status.key} label={i.status.label} />
        </dd>
      </dl>
    </li>
  );
}

/** The keys of a baseline: the baseline, and for a census indicator the census figure of that year. */
export const baselineFigure = (code: string, frequency: string | undefined, asOf: string): string =>
  figureKeys(
    figureKey(code, 'baseline', asOf.slice(0, 4)),
    frequency === 'census' && figureKey(code, 'census', asOf.slice(0, 4)),
  );

export const decimals = (v: number) =>
  Number.isInteger(v) ? 0 : Math.min(2, String(v).split('.')[1]?.length ?? 0);
