/**
 * The names a plan gives its levels (strategy, field, phase, measure,
 * project) and how a phase is labelled. A plan without `levelNames` takes the
 * classic names of a Japanese comprehensive plan (基本目標, 政策, 基本計画,
 * 施策, 事務事業); each level may be renamed on its own.
 */
import type { LevelName, LevelNames, Phase, PlanDocument } from './plan-types';

export const classicLevelNames: LevelNames = {
  strategy: { ja: '基本目標', en: 'Basic goal' },
  field: { ja: '政策', en: 'Policy' },
  phase: { ja: '基本計画', en: 'Basic plan' },
  measure: { ja: '施策', en: 'Measure' },
  project: { ja: '事務事業', en: 'Project' },
};

export type LevelKey = keyof LevelNames;
export const levelKeys: readonly LevelKey[] = ['strategy', 'field', 'phase', 'measure', 'project'];

/** The plan's level names, every level filled (classic names where the plan gives none). */
export function levelNamesOf(doc: Pick<PlanDocument, 'levelNames'> | undefined): LevelNames {
  const own = doc?.levelNames ?? {};
  const out = { ...classicLevelNames };
  for (const k of levelKeys) {
    const n = own[k];
    if (n) out[k] = n;
  }
  return out;
}

/** A level's name in a language; English falls back to the Japanese. */
export function levelName(name: LevelName, lang: 'ja' | 'en'): string {
  return lang === 'en' ? (name.en ?? name.ja) : name.ja;
}

/** A phase's label: its own name, else "<phase level> 第N期" / "<phase level> N". */
export function phaseLabel(
  phase: Pick<Phase, 'number' | 'name'> | undefined,
  levels: LevelNames,
  lang: 'ja' | 'en',
  number?: number,
): string {
  const n = phase?.number ?? number ?? 0;
  if (phase?.name) return lang === 'en' ? (phase.name.en ?? phase.name.ja) : phase.name.ja;
  return lang === 'en' ? `${levelName(levels.phase, 'en')} ${n}` : `${levels.phase.ja} 第${n}期`;
}
