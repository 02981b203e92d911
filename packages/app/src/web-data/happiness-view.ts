/**
 * The read model of the happiness page: the plan's baseline and target for
 * citizen happiness, its published table of answer shares by age group with
 * each group's mean recomputed from the shares (and the range the rounding
 * allows), and any actuals recorded since.
 */
import { meanFromShares, ok, type Result } from '@mirai/core';
import type { AppContext } from '../context';
import { datasetRows, readMunicipalityData } from '../datasets/dataset-use-cases';
import { showIndicator } from '../indicators';
import { readPlan } from '../plan';
import { listPublishedSurveyWaves, publishedSurveyWaveTable } from '../survey';
import { getHappinessEvidence, type HappinessEvidence } from './happiness-evidence';

export interface HappinessRow {
  group: string;
  shares: number[];
  publishedMean: number | null;
  mean: number;
  lower: number;
  upper: number;
}
export interface PublishedWaveTable {
  code: string;
  title: string;
  question: string;
  /** The attribute the table breaks down by. */
  group: string;
  /** Groups with fewer respondents than this are suppressed (not shown). */
  minCell: number;
  overall: { estimate: number; lower: number; upper: number; n: number };
  rows: {
    group: string;
    n: number;
    suppressed: boolean;
    mean?: number;
    shares?: { value: number; share: number }[];
  }[];
}

export interface HappinessView {
  indicatorCode: string;
  baseline: { value: number; asOf: string; source: string } | null;
  target: { fiscalYear: number; value: number } | null;
  tableSource: string;
  /** Said on the page when the plan's table is not stored. */
  tableMissing?: { ja: string; en: string };
  rows: HappinessRow[];
  actuals: { fiscalYear: number; value: number; lower?: number; upper?: number; source: string }[];
  /** Why the actuals are empty, when they cannot be read. */
  actualsNote?: string;
  /** Breakdowns of the published survey waves, small cells suppressed. */
  waves: PublishedWaveTable[];
  /** Drivers (LMG) and happiness by district and age, from the newest published wave (null: none published). */
  evidence: HappinessEvidence | null;
}

/** Attributes tried for the breakdown, in order (the importer keeps the file's column names). */
const groupCandidates = ['年代', 'age_group', 'age', '性別', 'sex', '地区', 'district'];

async function publishedTables(ctx: AppContext): Promise<PublishedWaveTable[]> {
  const waves = await listPublishedSurveyWaves(ctx);
  if (!waves.ok) return [];
  const out: PublishedWaveTable[] = [];
  for (const w of waves.value) {
    for (const group of groupCandidates) {
      const t = await publishedSurveyWaveTable(ctx, w.code, { group });
      if (!t.ok) continue;
      out.push({
        code: w.code,
        title: w.title,
        question: t.value.question,
        group,
        minCell: t.value.minCell,
        overall: {
          estimate: t.value.overall.estimate,
          lower: t.value.overall.ci[0],
          upper: t.value.overall.ci[1],
          n: t.value.overall.n,
        },
        rows: t.value.rows,
      });
      break;
    }
  }
  return out;
}

export async function getHappinessView(ctx: AppContext): Promise<Result<HappinessView>> {
  const plan = await readPlan(ctx);
  if (!plan.ok) return plan;
  const def = plan.value.document.indicators.find((i) => i.code === 'TOP-HAPPINESS');
  // The plan's published table of answer shares by group, stored as a data set of the municipality.
  const data = await readMunicipalityData(ctx);
  if (!data.ok) return data;
  const shares = data.value.datasets.find((d) => d.kind === 'happiness-shares');
  const rows: HappinessRow[] = [];
  for (const r of shares ? datasetRows(shares) : []) {
    const shares = Array.from({ length: 11 }, (_, v) => Number(r.cells[String(v)]));
    const published = r.cells.mean ? Number(r.cells.mean) : undefined;
    const m = meanFromShares({
      group: r.cells.group ?? '',
      shares,
      ...(published !== undefined ? { publishedMean: published } : {}),
    });
    if (!m.ok) return m;
    rows.push({
      group: m.value.group,
      shares,
      publishedMean: published ?? null,
      mean: m.value.mean,
      lower: m.value.lower,
      upper: m.value.upper,
    });
  }
  let actuals: HappinessView['actuals'] = [];
  let actualsNote: string | undefined;
  try {
    const me = await showIndicator(ctx, 'TOP-HAPPINESS');
    actuals = me.ok
      ? me.value.values
          .filter((v) => !v.area)
          .map((v) => ({
            fiscalYear: v.fiscalYear,
            value: v.current.value,
            ...(v.current.ci ? { lower: v.current.ci.lower, upper: v.current.ci.upper } : {}),
            source: v.current.source,
          }))
      : [];
  } catch {
    actualsNote = 'indicator store unavailable';
  }
  return ok({
    indicatorCode: 'TOP-HAPPINESS',
    baseline: def?.baseline
      ? { value: def.baseline.value, asOf: def.baseline.asOf, source: def.baseline.source.ja }
      : null,
    target: def?.finalTarget
      ? { fiscalYear: def.finalTarget.fiscalYear, value: def.finalTarget.value }
      : null,
    tableSource: shares?.source ?? '',
    ...(shares
      ? {}
      : {
          tableMissing: {
            ja: '計画の幸福度の表（年代別の回答比率）は登録されていません。',
            en: "The plan's happiness table (answer shares by group) is not stored.",
          },
        }),
    rows,
    actuals,
    waves: await publishedTables(ctx),
    evidence: await evidenceOrNull(ctx),
    ...(actualsNote ? { actualsNote } : {}),
  });
}

async function evidenceOrNull(ctx: AppContext): Promise<HappinessEvidence | null> {
  const e = await getHappinessEvidence(ctx);
  return e.ok ? e.value : null;
}
