/**
 * Makes `survey-wave.sample.csv`: a SYNTHETIC SAMPLE of survey respondents
 * (no real person answered it) for the sample wave described in
 * `survey-wave.sample.yaml`, so staff can import and publish a wave in the
 * browser and the public happiness page can show what drives happiness and
 * happiness by district and age. Seeded (the same file every run). Per
 * respondent: a district of the plan (D-… codes, the first one with 6
 * respondents only, so its cell is suppressed on the page), an age group,
 * four domain answers 1–5 and happiness 0–10 =
 * 1 + 0.8·health + 0.5·income + 0.3·community + 0.1·work + noise (rounded, clipped).
 * Run: node --import tsx data/shiojiri/make-survey-wave-sample.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRng } from '@mirai/core';
import { parse } from 'yaml';

const here = new URL('.', import.meta.url).pathname;
const plan = parse(readFileSync(`${here}plan.yaml`, 'utf8')) as { areas: { code: string; layer: string }[] };
const districts = plan.areas.filter((a) => a.layer === 'district').map((a) => a.code);
const ages = ['20歳代', '30歳代', '40歳代', '50歳代', '60歳代', '70歳以上'];
const domains = ['health', 'income', 'community', 'work'] as const;
const effect = [0.8, 0.5, 0.3, 0.1];
const N = 600;

const rng = createRng(20250601);
const lines = [['district', 'age_group', 'happiness', ...domains].join(',')];
for (let i = 0; i < N; i++) {
  const district = i < 6 ? districts[0] : districts[1 + (i % (districts.length - 1))];
  const d = domains.map(() => 1 + rng.int(5));
  const noise = (rng.next() + rng.next() + rng.next() - 1.5) * 2;
  const h = 1 + d.reduce((s, v, j) => s + (effect[j] as number) * v, 0) + noise;
  lines.push(
    [district, ages[rng.int(ages.length)], Math.max(0, Math.min(10, Math.round(h))), ...d].join(','),
  );
}
// UTF-8 with a BOM (as spreadsheet programs write it), CRLF line ends.
writeFileSync(`${here}survey-wave.sample.csv`, `\uFEFF${lines.join('\r\n')}\r\n`);
console.log(`wrote ${N} synthetic respondents`);
