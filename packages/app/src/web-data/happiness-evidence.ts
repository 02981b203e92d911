/**
 * Evidence on the happiness page, from the newest published survey wave only
 * (a draft is never read): what drives well-being — the LMG relative
 * importance of the wave's other questions for happiness with seeded
 * bootstrap intervals over respondents — and happiness by district and by age
 * group (the domain estimate of the stored design with its 95% interval,
 * cells under the published-table minimum suppressed). Computed once per
 * published wave version and plan.
 */
import { ok, type RelativeImportance, type Result, relativeImportance } from '@mirai/core';
import { findWave, loadWaveData } from '@mirai/db';
import type { AppContext } from '../context';
import { readPlan } from '../plan';
import { getCurrentPlan } from '../plan/plan-use-cases';
import { defaultMinCell, estimateSurveyWave, listPublishedSurveyWaves } from '../survey/wave-estimates';
import type { Bilingual } from './population-sources';

/** The indicator the happiness question measures. */
export const happinessIndicator = 'TOP-HAPPINESS';
/** Bootstrap of the driver shares: resamples of respondents, fixed seed (the same page for the same wave). */
export const DRIVER_BOOTSTRAP = { replicates: 1000, seed: 20221201 } as const;
/** Fewer replicates above this many predictors (sampled orders are costlier per replicate). */
const MANY_PREDICTORS = 10;

/** Wave attributes read as the district (as on the area pages) and as the age group. */
export const districtVariables = ['district_code', 'district', 'area_code', 'area', '地区', '地域'];
export const ageVariables = ['年代', 'age_group', 'age'];

export interface DriverShare {
  code: string;
  wording: Bilingual;
  /** LMG: the share of happiness's variance this question accounts for (shares add up to R²). */
  lmg: number;
  lower: number;
  upper: number;
}

export interface DomainCell {
  level: string;
  /** The plan's area, when the level names one (district table). */
  area?: { code: string; name: Bilingual };
  n: number;
  suppressed: boolean;
  estimate?: number;
  lower?: number;
  upper?: number;
}

export interface DomainTable {
  variable: string;
  cells: DomainCell[];
}

export interface HappinessEvidence {
  wave: {
    code: string;
    title: string;
    fieldworkStart: string | null;
    fieldworkEnd: string | null;
    n: number;
  };
  question: { code: string; wording: Bilingual };
  minCell: number;
  drivers:
    | {
        n: number;
        r2: number;
        method: RelativeImportance['method'];
        replicates: number;
        seed: number;
        weighted: boolean;
        shares: DriverShare[];
      }
    | { problem: Bilingual };
  byDistrict: DomainTable | null;
  byAge: DomainTable | null;
}

const cache = new Map<string, HappinessEvidence>();

const bilingual = (t: { ja: string; en?: string }): Bilingual => ({ ja: t.ja, en: t.en ?? t.ja });

const dateText = (d: unknown): string | null =>
  d instanceof Date ? d.toISOString().slice(0, 10) : typeof d === 'string' ? d.slice(0, 10) : null;

/** The evidence of the newest published wave, or null when no wave is published. */
export async function getHappinessEvidence(ctx: AppContext): Promise<Result<HappinessEvidence | null>> {
  const waves = await listPublishedSurveyWaves(ctx);
  if (!waves.ok) return waves;
  // Listed by fieldwork start, oldest first: the newest published wave is the last.
  const w = waves.value[waves.value.length - 1];
  if (!w) return ok(null);
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  const readable = await readPlan(ctx);
  if (!readable.ok) return readable;
  const key = `${plan.value.id}|${w.code}@${w.version}|${readable.value.id ?? ''}`;
  const hit = cache.get(key);
  if (hit) return ok(hit);
  const wave = await findWave(ctx.database.db, plan.value.id, w.code);
  if (wave?.status !== 'published') return ok(null);
  const data = await loadWaveData(ctx.database.db, wave.id);
  const questions = wave.questions;
  const question =
    questions.find((q) => q.indicator === happinessIndicator) ??
    questions.find((q) => q.code === 'happiness') ??
    questions[0];
  if (!question) return ok(null);
  const answer = (code: string) =>
    Float64Array.from(data.responses, (r) => {
      const v = r.answers[code];
      return v === null || v === undefined ? Number.NaN : Number(v);
    });
  const predictors = questions.filter((q) => q.code !== question.code);
  const weighted = data.responses.some((r) => r.weight !== null);
  let drivers: HappinessEvidence['drivers'];
  if (predictors.length === 0) {
    drivers = {
      problem: {
        ja: 'この調査回には幸福度のほかに設問がないため、要因の分析はできません。',
        en: 'This wave asks nothing besides happiness, so there is nothing to analyse as a driver.',
      },
    };
  } else {
    const bootstrap = {
      replicates: predictors.length > MANY_PREDICTORS ? 200 : DRIVER_BOOTSTRAP.replicates,
      seed: DRIVER_BOOTSTRAP.seed,
    };
    const r = relativeImportance(
      answer(question.code),
      predictors.map((q) => ({ name: q.code, values: answer(q.code) })),
      {
        ...(weighted
          ? { weights: Float64Array.from(data.responses, (x) => (x.weight === null ? 1 : Number(x.weight))) }
          : {}),
        bootstrap,
      },
    );
    if (!r.ok) {
      const p = r.problems[0];
      drivers = { problem: { ja: p?.message.ja ?? '', en: p?.message.en ?? '' } };
    } else {
      const v = r.value;
      drivers = {
        n: v.n,
        r2: v.r2,
        method: v.method,
        replicates: bootstrap.replicates,
        seed: bootstrap.seed,
        weighted,
        shares: predictors
          .map((q, j) => ({
            code: q.code,
            wording: bilingual(q.wording),
            lmg: v.lmg[j] ?? Number.NaN,
            lower: v.intervals?.[j]?.lower ?? Number.NaN,
            upper: v.intervals?.[j]?.upper ?? Number.NaN,
          }))
          .sort((a, b) => b.lmg - a.lmg),
      };
    }
  }
  const areas = readable.value.document.areas ?? [];
  const areaOf = (level: string) => {
    const a = areas.find((x) => x.code === level || x.name.ja === level || x.name.en === level);
    return a ? { code: a.code, name: bilingual(a.name) } : undefined;
  };
  const domain = async (candidates: string[], withAreas: boolean): Promise<DomainTable | null> => {
    const variable = candidates.find((c) => wave.attributes.includes(c));
    if (!variable) return null;
    const est = await estimateSurveyWave(ctx, wave.code, {
      question: question.code,
      by: variable,
      minCell: defaultMinCell,
    });
    if (!est.ok) return null;
    return {
      variable,
      cells: (est.value.by ?? []).map((b) => {
        const area = withAreas ? areaOf(b.level) : undefined;
        const suppressed = b.n < defaultMinCell;
        // A suppressed cell carries its count only: no estimate leaves the server.
        return {
          level: b.level,
          ...(area ? { area } : {}),
          n: b.n,
          suppressed,
          ...(suppressed ? {} : { estimate: b.estimate, lower: b.ci[0], upper: b.ci[1] }),
        };
      }),
    };
  };
  const evidence: HappinessEvidence = {
    wave: {
      code: wave.code,
      title: wave.title,
      fieldworkStart: dateText(wave.fieldwork_start),
      fieldworkEnd: dateText(wave.fieldwork_end),
      n: data.responses.length,
    },
    question: { code: question.code, wording: bilingual(question.wording) },
    minCell: defaultMinCell,
    drivers,
    byDistrict: await domain(districtVariables, true),
    byAge: await domain(ageVariables, false),
  };
  if (cache.size > 20) cache.clear();
  cache.set(key, evidence);
  return ok(evidence);
}
