/**
 * One of the plan's goals as a large tile: the latest known value (and
 * whether it is a recorded value or still the baseline), the day it refers
 * to in 和暦, the target, the gap, the honest status with its reason, the
 * plan's own outlook at the target year, and the trend.
 */

import { figureKey, formatFiscalYear } from '@mirai/core';
import { useLang } from '../i18n/lang';
import type { GoalTileView } from '../types';
import { comparisonText } from './indicator-card';
import { Sparkline } from './sparkline';
import { StatusBadge } from './status-badge';
import { formatNumber, L, SampleBadge, T } from './text';

export function GoalTile({ g }: { g: GoalTileView }) {
  const lang = useLang();
  const d = g.precision;
  const fullUnit = lang === 'en' && g.unit.en ? g.unit.en : g.unit.ja;
  // "点（10点満点）" → "点" next to figures; the full unit stands once beside the large value.
  const unit = fullUnit.replace(/\s*[（(].*?[）)]\s*/g, '');
  const fig = (v: number) => formatNumber(v, lang, d);
  const signed = (v: number) => (v > 0 ? `+${fig(v)}` : v < 0 ? `−${fig(-v)}` : fig(0));
  const met =
    g.gap === null
      ? null
      : g.direction === 'lower-is-better'
        ? g.gap <= 0
        : g.direction === 'higher-is-better'
          ? g.gap >= 0
          : null;
  const reason = g.status.explanation.at(-1);
  return (
    <li className="tile">
      <div className="tile-head">
        <h3 className="tile-title">
          <a href={`/indicators/${encodeURIComponent(g.code)}`}>
            <T text={g.name} />
          </a>{' '}
          <SampleBadge sample={g.sample} />
        </h3>
        <StatusBadge statusKey={g.status.key} label={g.status.label} />
      </div>
      <div className="tile-body">
        <div className="tile-main">
          {g.latest ? (
            <>
              <p className="tile-value">
                <span className="big" data-figure={g.latest.figure}>
                  {fig(g.latest.value)}
                </span>{' '}
                <span className="unit">{fullUnit}</span>
              </p>
              <p className="tile-asof">
                {g.latest.kind === 'baseline' ? (
                  <L ja="基準値" en="Baseline" />
                ) : (
                  <L ja="最新値" en="Latest" />
                )}
                {lang === 'en' ? ' as of ' : '・'}
                <span lang="ja">{g.latest.asOf.wareki}</span>
                {lang === 'en' ? ` (${g.latest.asOf.iso})` : '時点'}
                {g.latest.lower !== undefined && g.latest.upper !== undefined ? (
                  <>
                    {' '}
                    <L
                      ja={`（95%信頼区間 ${fig(g.latest.lower)}〜${fig(g.latest.upper)}）`}
                      en={` (95% CI ${fig(g.latest.lower)}–${fig(g.latest.upper)})`}
                    />
                  </>
                ) : null}
              </p>
            </>
          ) : (
            <p className="tile-value">—</p>
          )}
        </div>
        <Sparkline
          points={g.trend}
          target={g.target ? { year: g.target.fiscalYear, value: g.target.value } : null}
          digits={d}
          unit={unit}
        />
      </div>
      <dl className="tile-facts">
        <dt>
          <L ja="目標" en="Target" />
        </dt>
        <dd>
          {g.target ? (
            <>
              <span data-figure={figureKey(g.code, 'target', g.target.fiscalYear)}>
                {fig(g.target.value)}
              </span>
              {lang === 'en' ? ` ${unit}` : unit}
              {comparisonText(g.target.comparison, lang)}
              {lang === 'en' ? (
                <>
                  {` by FY${g.target.fiscalYear} (`}
                  <span lang="ja">{formatFiscalYear(g.target.fiscalYear)}</span>)
                </>
              ) : (
                `（${formatFiscalYear(g.target.fiscalYear)}・${g.target.fiscalYear}）`
              )}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>
          <L ja="目標との差" en="Gap" />
        </dt>
        <dd>
          {g.gap === null ? (
            '—'
          ) : (
            <>
              {signed(g.gap)}
              {lang === 'en' ? ` ${unit}` : unit}
              {met === null ? null : met ? (
                <L ja="（目標の水準以上）" en=" (at or beyond it)" />
              ) : (
                <L ja="（目標の水準に届いていない）" en=" (short of it)" />
              )}
            </>
          )}
        </dd>
      </dl>
      {g.outlook ? (
        <p className="tile-outlook">
          <L ja="計画の見通し：" en="The plan's outlook: " />
          <T text={g.outlook.name} />
          <L ja={`では${g.outlook.year}年に`} en={` gives `} />
          <span data-figure={g.outlook.figure}>{fig(g.outlook.value)}</span>
          <L
            ja={`${unit}（目標との差 ${signed(g.outlook.value - (g.target?.value ?? 0))}${unit}）`}
            en={` in ${g.outlook.year} (${signed(g.outlook.value - (g.target?.value ?? 0))} against the target)`}
          />
        </p>
      ) : null}
      {reason ? (
        <p className="tile-reason">
          <T text={reason} />
        </p>
      ) : null}
    </li>
  );
}
