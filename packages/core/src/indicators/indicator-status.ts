/**
 * The status of one indicator at a reference date: the latest city-wide
 * actual compared with the year's target (direction-aware, with the survey
 * margin rule), placed in the plan's status bands; "no data" when there is
 * no actual, "stale" when the next value is overdue. Every status carries
 * the figures it came from and an explanation in Japanese and English.
 */
import { type CalendarDate, formatFiscalYear } from '../calendar';
import { type Achievement, computeAchievement } from './achievement';
import { currentActuals } from './actual-history';
import { dayNumber, formatIsoDate, type IndicatorPeriod, parsePeriod, periodEnd } from './indicator-period';
import type { ActualVersion, IndicatorDefinition, IndicatorText } from './indicator-types';
import { type IntervalJudgement, judgeInterval } from './interval-verdict';
import { boundedPercent, formatFigure, indicatorPrecision } from './precision';
import { isOverdue, nextDueDate } from './staleness';
import { bandFor, cannotTellOf, type StatusBand, type StatusScheme } from './status-scheme';
import { compareWithMargin, type MarginBand, type MarginComparison } from './survey-margin';
import { type TargetForYear, targetForYear } from './target-for-year';

export interface IndicatorPolicy {
  scheme: StatusScheme;
  /** Margin for survey indicators without a confidence interval or their own band. */
  surveyBand?: MarginBand;
}

/** `uncertain`: a survey value whose confidence interval holds the target (the sample cannot tell). */
export type StatusKind = 'band' | 'uncertain' | 'no-data' | 'stale' | 'not-computable';

export interface IndicatorStatus {
  code: string;
  kind: StatusKind;
  key: string;
  label: IndicatorText;
  /** The figure the bands read (progress or share); absent when missing. */
  achievement?: number;
  actual?: ActualVersion;
  target?: TargetForYear;
  detail?: Achievement;
  margin?: MarginComparison;
  /** Survey values with a confidence interval: what the interval says about the target. */
  interval?: IntervalJudgement;
  /** Decimal places the indicator's figures are shown with. */
  precision: number;
  /** For stale indicators: the band the latest value would have. */
  bandIfFresh?: { key: string; label: IndicatorText };
  /** ISO date the next value is (was) due. */
  nextDue?: string;
  /** The next value is past its due date (also for "no data": the first value is overdue). */
  overdue: boolean;
  explanation: IndicatorText[];
}

export interface StatusOptions {
  /** The reference date ("today" for staleness). */
  asOf: CalendarDate;
  /** Judge this fiscal year's value instead of the latest. */
  fiscalYear?: number;
  /** Judge the values of one area instead of the whole city. */
  area?: string;
}

const periodOfActual = (a: ActualVersion): IndicatorPeriod => {
  const d = a.date ? parsePeriod(a.date)?.date : undefined;
  return d ? { fiscalYear: a.fiscalYear, date: d } : { fiscalYear: a.fiscalYear };
};

/** The latest current actual (city-wide, or of `options.area`) whose period has started by the reference date. */
export function latestActual(
  def: IndicatorDefinition,
  versions: readonly ActualVersion[],
  options: StatusOptions,
): ActualVersion | undefined {
  const limit = dayNumber(options.asOf);
  const candidates = currentActuals(versions).filter(
    (v) =>
      v.indicatorCode === def.code &&
      v.area === options.area &&
      (options.fiscalYear === undefined ? true : v.fiscalYear === options.fiscalYear) &&
      dayNumber({ year: v.fiscalYear, month: 4, day: 1 }) <= limit,
  );
  const end = (v: ActualVersion) => dayNumber(periodEnd(periodOfActual(v)));
  return candidates.sort((a, b) => end(b) - end(a))[0];
}

export function evaluateIndicatorStatus(
  def: IndicatorDefinition,
  versions: readonly ActualVersion[],
  policy: IndicatorPolicy,
  options: StatusOptions,
): IndicatorStatus {
  const { scheme } = policy;
  const explanation: IndicatorText[] = [];
  const actual = latestActual(def, versions, options);
  const baselinePeriod = def.baseline ? parsePeriod(String(def.baseline.asOf)) : undefined;
  const lastPeriod = actual ? periodOfActual(actual) : baselinePeriod;
  const due = lastPeriod ? nextDueDate(def, lastPeriod) : undefined;
  const overdue =
    lastPeriod !== undefined && options.fiscalYear === undefined && isOverdue(def, lastPeriod, options.asOf);
  const precision = indicatorPrecision(def);
  const fig = (v: number) => formatFigure(v, precision);
  const base: Pick<IndicatorStatus, 'code' | 'explanation' | 'overdue' | 'precision'> & { nextDue?: string } =
    { code: def.code, explanation, overdue, precision };
  if (due) base.nextDue = formatIsoDate(due);

  if (!actual) {
    const year = options.fiscalYear === undefined ? '' : `${formatFiscalYear(options.fiscalYear)}の`;
    explanation.push({
      ja: `${year}実績値がまだ登録されていません。`,
      en: `No actual value has been recorded${options.fiscalYear === undefined ? '' : ` for FY${options.fiscalYear}`} yet.`,
    });
    if (overdue) {
      explanation.push({
        ja: `最初の値の期限（${base.nextDue}）を過ぎています。`,
        en: `The first value was due by ${base.nextDue}.`,
      });
    }
    return { ...base, kind: 'no-data', key: scheme.noData.key, label: scheme.noData.label };
  }

  const target = def.direction === 'within-band' ? undefined : targetForYear(def, actual.fiscalYear);
  if (def.direction !== 'within-band' && !target) {
    explanation.push({ ja: '目標値が定義されていません。', en: 'The indicator has no target.' });
    return {
      ...base,
      kind: 'not-computable',
      key: scheme.notComputable.key,
      label: scheme.notComputable.label,
      actual,
    };
  }

  // Survey indicators: a change within the margin of error counts as no change from the baseline.
  let compared = actual.value;
  let margin: MarginComparison | undefined;
  if (def.kind === 'survey' && def.baseline) {
    const band =
      def.survey?.unchangedBand !== undefined ? { absolute: def.survey.unchangedBand } : policy.surveyBand;
    const current = actual.ci ? { value: actual.value, ci: actual.ci } : { value: actual.value };
    const reference = def.baseline.ci
      ? { value: def.baseline.value, ci: def.baseline.ci }
      : { value: def.baseline.value };
    margin = compareWithMargin(current, reference, band);
    // With its own interval the value is judged by that interval against the target (below).
    if (!actual.ci && margin.change === 'unchanged' && margin.difference !== 0) {
      compared = def.baseline.value;
      explanation.push({
        ja: `基準値との差 ${fig(margin.difference)} は誤差の範囲内（${ruleJa[margin.rule]}）のため、変化なしとみなしました。`,
        en: `The change of ${fig(margin.difference)} from the baseline is within the margin of error (${margin.rule}) and counts as unchanged.`,
      });
    }
  }

  const input =
    def.direction === 'within-band'
      ? { direction: def.direction, actual: compared, band: def.band! }
      : { direction: def.direction, actual: compared, target: target!.value };
  const detail = computeAchievement(def.baseline ? { ...input, baseline: def.baseline.value } : input);
  const achievement = scheme.basis === 'progress' ? detail.progress : detail.share;
  const found: Omit<IndicatorStatus, 'kind' | 'key' | 'label'> = {
    ...base,
    actual,
    detail,
    ...(target ? { target } : {}),
    ...(margin ? { margin } : {}),
  };
  explanation.push(describe(def, actual, target, detail, fig));
  if (achievement === undefined) {
    explanation.push({
      ja: `達成度（${scheme.basis === 'progress' ? '進捗' : '達成率'}）を計算できません。`,
      en: `The ${scheme.basis} cannot be computed${detail.reason ? `: ${detail.reason}` : ''}.`,
    });
    return {
      ...found,
      kind: 'not-computable',
      key: scheme.notComputable.key,
      label: scheme.notComputable.label,
    };
  }
  let band: Pick<StatusBand, 'key' | 'label'> = bandFor(scheme, achievement);
  let kind: 'band' | 'uncertain' = 'band';
  let interval: IntervalJudgement | undefined;
  if (def.kind === 'survey' && actual.ci) {
    interval = judgeInterval(
      def.direction,
      actual.ci,
      def.direction === 'within-band' ? { band: def.band! } : { target: target!.value },
    );
    const ci = `${Math.round((actual.ci.level ?? 0.95) * 100)}%信頼区間（${fig(actual.ci.lower)}〜${fig(actual.ci.upper)}）`;
    const ciEn = `${Math.round((actual.ci.level ?? 0.95) * 100)}% confidence interval (${fig(actual.ci.lower)}–${fig(actual.ci.upper)})`;
    const goal = target
      ? `目標 ${fig(target.value)}`
      : `範囲 ${fig(def.band!.lower)}〜${fig(def.band!.upper)}`;
    const goalEn = target
      ? `the target ${fig(target.value)}`
      : `the band ${fig(def.band!.lower)}–${fig(def.band!.upper)}`;
    if (interval.verdict === 'met') {
      const safe = computeAchievement({ ...input, actual: interval.conservative, ...baselineOf(def) });
      const a = scheme.basis === 'progress' ? safe.progress : safe.share;
      band = bandFor(scheme, a ?? achievement);
      explanation.push({
        ja: `${ci}の全体が${goal}を満たしています。`,
        en: `The whole ${ciEn} meets ${goalEn}.`,
      });
    } else if (interval.verdict === 'short') {
      const keepLevel = detail.method === 'relative-gap';
      if (keepLevel) band = scheme.bands[scheme.bands.length - 1]!;
      explanation.push({
        ja: `${ci}の全体が${goal}に届いておらず、標本誤差を考えても目標を下回っています。${keepLevel ? '水準を保つ目標のため、最も低い区分としました。' : ''}`,
        en: `The whole ${ciEn} falls short of ${goalEn}, so the shortfall is more than sampling error.${keepLevel ? ' The target keeps a level, so the lowest band applies.' : ''}`,
      });
    } else {
      kind = 'uncertain';
      const pointBand = band;
      band = cannotTellOf(scheme);
      explanation.push({
        ja: `${ci}に${goal}が含まれるため、この標本では目標を満たしているか判別できません（点推定のみでは「${pointBand.label.ja}」）。`,
        en: `The ${ciEn} holds ${goalEn}, so this sample cannot tell whether the target is met (on the point estimate alone: "${pointBand.label.en ?? pointBand.label.ja}").`,
      });
    }
  } else if (def.kind === 'survey') {
    explanation.push({
      ja: '信頼区間が登録されていないため、点推定で判定しました。',
      en: 'No confidence interval was recorded, so the point estimate was judged.',
    });
  }
  if (interval) found.interval = interval;
  if (overdue) {
    explanation.push({
      ja: `次の値の期限（${base.nextDue}）を過ぎています。最新値での判定は「${band.label.ja}」です。`,
      en: `The next value was due by ${base.nextDue}; on the latest value it would be "${band.label.en ?? band.label.ja}".`,
    });
    return {
      ...found,
      kind: 'stale',
      key: scheme.stale.key,
      label: scheme.stale.label,
      achievement,
      bandIfFresh: { key: band.key, label: band.label },
    };
  }
  return { ...found, kind, key: band.key, label: band.label, achievement };
}

const baselineOf = (def: IndicatorDefinition) => (def.baseline ? { baseline: def.baseline.value } : {});

const sourceJa: Record<TargetForYear['source'], string> = {
  yearly: 'その年度の目標',
  final: '最終目標',
  interpolated: '前後の基準値・目標から按分',
  'after-final': '最終目標を継続',
  'before-first': '最初の目標',
};

const methodJa: Record<Achievement['method'], string> = {
  'baseline-to-target': '基準値から目標への進み具合',
  'relative-gap': '目標との相対差',
  band: '範囲との距離',
};

const ruleJa: Record<MarginComparison['rule'], string> = {
  'ci-overlap': '信頼区間が重なる',
  'ci-half-width': '信頼区間の半幅以内',
  band: '設定した許容幅以内',
  exact: '完全一致',
};

function describe(
  def: IndicatorDefinition,
  actual: ActualVersion,
  target: TargetForYear | undefined,
  d: Achievement,
  fig: (v: number) => string,
): IndicatorText {
  const unit = def.unit.ja;
  const goal = target
    ? `目標 ${fig(target.value)}${unit}（${sourceJa[target.source]}）`
    : `範囲 ${fig(def.band!.lower)}〜${fig(def.band!.upper)}${unit}`;
  const goalEn = target
    ? `target ${fig(target.value)} (${target.source})`
    : `band ${fig(def.band!.lower)}–${fig(def.band!.upper)}`;
  const p = d.progress === undefined ? undefined : boundedPercent(d.progress).text;
  const s = d.share === undefined ? '—' : `${Math.round(d.share * 100)}%`;
  const base = def.baseline ? fig(def.baseline.value) : '—';
  return {
    ja: `${formatFiscalYear(actual.fiscalYear)}の実績 ${fig(actual.value)}${unit}、${goal}、基準値 ${base}：進捗 ${p?.ja ?? '—'}、達成率 ${s}（${methodJa[d.method]}）。`,
    en: `FY${actual.fiscalYear} actual ${fig(actual.value)}, ${goalEn}, baseline ${base}: progress ${p?.en ?? '—'}, share ${s} (${d.method}).`,
  };
}
