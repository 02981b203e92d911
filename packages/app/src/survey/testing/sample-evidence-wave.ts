/**
 * Test helper: a SAMPLE survey wave made up here (seeded), with happiness and
 * three domain questions, a district and an age group per respondent —
 * imported and published — and a newer DRAFT wave with different answers, so
 * tests can show that the public pages read the published wave only. The first
 * district gets 4 respondents (under the minimum cell of 10: suppressed).
 */
import { createRng } from '@mirai/core';
import type { AppContext } from '../../context';
import type { Table } from '../../io/read-table-file';
import { readPlan } from '../../plan';
import { importSurveyWave, listSurveyWaves, publishSurveyWave } from '../index';

export const SAMPLE_PUBLISHED_WAVE = 'S-EVIDENCE-2025';
export const SAMPLE_DRAFT_WAVE = 'S-EVIDENCE-2026-DRAFT';
export const SAMPLE_DOMAINS = ['health', 'income', 'community'] as const;
const ages = ['20歳代', '30歳代', '40歳代', '50歳代', '60歳代', '70歳以上'];

/** Respondents: happiness = 1 + 0.9·health + 0.5·income + 0.15·community + noise (clipped to 0–10); domains 1–5. */
export function sampleResponses(districts: string[], n: number, seed: number, shift = 0): Table {
  const rng = createRng(seed);
  const rows: Table['rows'] = [];
  for (let i = 0; i < n; i++) {
    // The first district: 4 respondents only.
    const district = i < 4 ? districts[0] : districts[1 + (i % Math.max(1, districts.length - 1))];
    const d = SAMPLE_DOMAINS.map(() => 1 + rng.int(5));
    const noise = (rng.next() + rng.next() + rng.next() - 1.5) * 2;
    const h = 1 + 0.9 * d[0]! + 0.5 * d[1]! + 0.15 * d[2]! + noise + shift;
    rows.push({
      row: i + 2,
      cells: {
        district: district ?? '',
        age_group: ages[rng.int(ages.length)] ?? '',
        happiness: String(Math.max(0, Math.min(10, Math.round(h)))),
        ...Object.fromEntries(SAMPLE_DOMAINS.map((q, j) => [q, String(d[j])])),
      },
    });
  }
  return {
    file: 'sample-evidence-wave.csv',
    headers: ['district', 'age_group', 'happiness', ...SAMPLE_DOMAINS],
    rows,
  };
}

const questions = [
  {
    code: 'happiness',
    wording: { ja: '（サンプル）あなたは現在どの程度幸せですか', en: '(Sample) How happy are you now?' },
    scale: { min: 0, max: 10 },
    indicator: 'TOP-HAPPINESS',
  },
  {
    code: 'health',
    wording: { ja: '（サンプル）健康状態', en: '(Sample) Health' },
    scale: { min: 1, max: 5 },
  },
  {
    code: 'income',
    wording: { ja: '（サンプル）家計のゆとり', en: '(Sample) Household finances' },
    scale: { min: 1, max: 5 },
  },
  {
    code: 'community',
    wording: { ja: '（サンプル）地域とのつながり', en: '(Sample) Ties to the community' },
    scale: { min: 1, max: 5 },
  },
];

/** Imports the published sample wave (n respondents) and a newer draft; returns the district codes used. */
export async function importSampleEvidenceWaves(ctx: AppContext, n = 240): Promise<string[]> {
  const plan = await readPlan(ctx);
  if (!plan.ok) throw new Error('no plan');
  const districts = plan.value.document.areas.filter((a) => a.layer === 'district').map((a) => a.code);
  for (const [code, fieldworkStart, seed, shift] of [
    [SAMPLE_PUBLISHED_WAVE, '2025-06-01', 11, 0],
    [SAMPLE_DRAFT_WAVE, '2026-06-01', 12, 3],
  ] as const) {
    const r = await importSurveyWave(
      ctx,
      {
        code,
        title: `（サンプル）市民アンケート ${fieldworkStart.slice(0, 4)}`,
        fieldworkStart,
        questions,
        attributes: ['district', 'age_group'],
        responses: sampleResponses(districts, n, seed, shift),
      },
      { actor: 'test' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  }
  const waves = await listSurveyWaves(ctx);
  const w = waves.ok ? waves.value.find((x) => x.code === SAMPLE_PUBLISHED_WAVE) : undefined;
  if (!w) throw new Error('wave not stored');
  const p = await publishSurveyWave(ctx, w.code, { actor: 'test', expectedVersion: w.version });
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return districts;
}
