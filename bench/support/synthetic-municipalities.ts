/**
 * Synthetic municipalities for scale benchmarks (issue #19 item 7, decision 0143): municipality
 * i gets the code 9xxxx (no real municipality's code starts with 9), a plan of 9 fiscal years
 * (FY2024–FY2032, a 前期 of five years and a 後期 of four) in the general format with only the
 * keys every plan has plus level names, 6 strategies × 5 fields, 300 indicators (10 per field,
 * each with a baseline, a final-year target, a unit and a direction) and 300 × 9 actual values
 * in the import CSV's columns. Everything is marked SAMPLE / （サンプル） and is deterministic
 * in i, so a run can be repeated and two runs compared.
 */

export const syntheticYears = { start: 2024, end: 2032 } as const;
export const indicatorsPerMunicipality = 300;

/** The synthetic code of municipality i (1-based): 90001, 90002, … (up to 99999). */
export const syntheticCode = (i: number) => String(90000 + i);

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const q = (s: string) => JSON.stringify(s);
const units = [
  ['件', 'cases'],
  ['人', 'persons'],
  ['%', '%'],
  ['回', 'times'],
  ['世帯', 'households'],
] as const;

/** The names municipality i goes by: its own, its plan's code and its plan's title. */
export function syntheticNames(i: number) {
  const code = syntheticCode(i);
  const ja = `（サンプル）合成市${i}`;
  return {
    code,
    name: { ja, en: `(Sample) Synthetic City ${i}` },
    planCode: `synthetic-${code}`,
    title: { ja: `${ja}総合計画`, en: `(Sample) Comprehensive plan of Synthetic City ${i}` },
  };
}

export interface SyntheticMunicipality {
  code: string;
  name: string;
  /** The plan as YAML (format version 1). */
  planYaml: string;
  /** Actual values: 指標コード,年度,実績値,出典 (UTF-8). */
  actualsCsv: string;
  indicatorCodes: string[];
}

export function syntheticMunicipality(i: number): SyntheticMunicipality {
  const names = syntheticNames(i);
  const code = names.code;
  const rnd = random(i * 7919 + 17);
  const name = names.name.ja;
  const lines: string[] = [
    `# SAMPLE: a synthetic municipality for scale benchmarks (code ${code} is no real municipality).`,
    'formatVersion: 1',
    'municipality:',
    `  code: ${q(code)}`,
    `  name: { ja: ${q(name)}, en: ${q(names.name.en)} }`,
    'plan:',
    `  code: ${names.planCode}`,
    `  title: { ja: ${q(names.title.ja)}, en: ${q(names.title.en)} }`,
    `  startFiscalYear: ${syntheticYears.start}`,
    `  endFiscalYear: ${syntheticYears.end}`,
    '  status: approved',
    'levelNames:',
    '  strategy: { ja: 基本目標, en: Basic goal }',
    '  field: { ja: 政策, en: Policy }',
    '  phase: { ja: 基本計画, en: Basic plan }',
    '  measure: { ja: 施策, en: Measure }',
    '  project: { ja: 事務事業, en: Project }',
    'strategies:',
  ];
  for (let s = 1; s <= 6; s++)
    lines.push(
      `  - { code: G${s}, name: { ja: ${q(`（サンプル）基本目標${s}`)}, en: ${q(`(Sample) Goal ${s}`)} } }`,
    );
  lines.push('fields:');
  for (let s = 1; s <= 6; s++)
    for (let f = 1; f <= 5; f++)
      lines.push(
        `  - { code: G${s}-${f}, strategy: G${s}, name: { ja: ${q(`（サンプル）政策${s}-${f}`)}, en: ${q(`(Sample) Policy ${s}-${f}`)} } }`,
      );
  lines.push(
    'phases:',
    `  - { name: { ja: 前期基本計画, en: First basic plan }, startFiscalYear: ${syntheticYears.start}, endFiscalYear: ${syntheticYears.start + 4} }`,
    `  - { name: { ja: 後期基本計画, en: Second basic plan }, startFiscalYear: ${syntheticYears.start + 5}, endFiscalYear: ${syntheticYears.end} }`,
    'indicators:',
  );
  const indicatorCodes: string[] = [];
  const actuals: string[] = ['指標コード,年度,実績値,出典'];
  let n = 0;
  for (let s = 1; s <= 6; s++)
    for (let f = 1; f <= 5; f++)
      for (let k = 1; k <= indicatorsPerMunicipality / 30; k++) {
        n++;
        const ind = `K-${s}-${f}-${String(k).padStart(2, '0')}`;
        indicatorCodes.push(ind);
        const [uja, uen] = units[n % units.length]!;
        const higher = rnd() < 0.8;
        const base = uja === '%' ? Math.round(20 + rnd() * 60) : Math.round(50 + rnd() * 5000);
        const step = (higher ? 1 : -1) * (uja === '%' ? 1 + rnd() * 2 : base * (0.01 + rnd() * 0.03));
        const target = Math.max(0, Math.round(base + step * 9));
        lines.push(
          `  - code: ${ind}`,
          `    name: { ja: ${q(`（サンプル）指標${s}-${f}-${k}`)}, en: ${q(`(Sample) Indicator ${s}-${f}-${k}`)} }`,
          `    unit: { ja: ${q(uja)}, en: ${q(uen)} }`,
          `    direction: ${higher ? 'higher-is-better' : 'lower-is-better'}`,
          `    serves: G${s}-${f}`,
          `    baseline: { value: ${base}, asOf: "${syntheticYears.start - 1}", source: { ja: サンプル値, en: Sample value } }`,
          `    targets: [{ fiscalYear: ${syntheticYears.end}, value: ${target} }]`,
        );
        for (let y = syntheticYears.start; y <= syntheticYears.end; y++) {
          const noise = (rnd() - 0.5) * Math.abs(step) * 2;
          const v = Math.max(0, Math.round(base + step * (y - syntheticYears.start + 1) + noise));
          actuals.push(`${ind},${y},${uja === '%' ? Math.min(100, v) : v},（サンプル）合成データ`);
        }
      }
  return {
    code,
    name,
    planYaml: `${lines.join('\n')}\n`,
    actualsCsv: `${actuals.join('\n')}\n`,
    indicatorCodes,
  };
}
