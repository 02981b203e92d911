/**
 * The indicators' problem catalogue: bad definitions, bad actual values,
 * conflicting corrections, bad status schemes and roll-up inputs.
 * Import-row problems are in `import-problems.ts`.
 */
import { defineProblem } from '../errors';

export const indicatorProblems = {
  required: defineProblem<{ field: string }>('indicator/required', 'invalid', ({ field }) => ({
    ja: `必須項目「${field}」がありません。`,
    en: `The required field "${field}" is missing.`,
  })),
  notFinite: defineProblem<{ field: string; value: string }>('indicator/not-a-number', 'invalid', (p) => ({
    ja: `「${p.field}」が数値ではありません: ${p.value}`,
    en: `"${p.field}" is not a finite number: ${p.value}`,
  })),
  bandMissing: defineProblem('indicator/band-missing', 'invalid', () => ({
    ja: '「範囲内に保つ」指標には範囲（下限・上限）が必要です。',
    en: 'An indicator to keep within a band needs the band (lower and upper).',
  })),
  inverted: defineProblem<{ field: string; lower: number; upper: number }>(
    'indicator/bounds-inverted',
    'invalid',
    (p) => ({
      ja: `「${p.field}」の下限 ${p.lower} が上限 ${p.upper} を超えています。`,
      en: `"${p.field}" has its lower bound ${p.lower} above its upper bound ${p.upper}.`,
    }),
  ),
  outOfRange: defineProblem<{ field: string; value: number; min: string; max: string }>(
    'indicator/value-out-of-range',
    'invalid',
    (p) => ({
      ja: `「${p.field}」の値 ${p.value} が指標の範囲（${p.min}〜${p.max}）の外です。`,
      en: `"${p.field}" = ${p.value} is outside the indicator's range (${p.min} to ${p.max}).`,
    }),
  ),
  duplicateTargetYear: defineProblem<{ fiscalYear: number }>(
    'indicator/duplicate-target-year',
    'invalid',
    ({ fiscalYear }) => ({
      ja: `${fiscalYear}年度の目標値が複数あります。`,
      en: `There is more than one target for FY${fiscalYear}.`,
    }),
  ),
  finalTargetConflict: defineProblem<{ fiscalYear: number; yearly: number; final: number }>(
    'indicator/final-target-conflict',
    'invalid',
    (p) => ({
      ja: `${p.fiscalYear}年度の目標値 ${p.yearly} が最終目標 ${p.final} と異なります。`,
      en: `The FY${p.fiscalYear} target ${p.yearly} differs from the final target ${p.final}.`,
    }),
  ),
  asOfUnreadable: defineProblem<{ text: string }>('indicator/as-of-unreadable', 'invalid', ({ text }) => ({
    ja: `基準時点「${text}」を年度または日付として読めません（例: 2022-12, 令和4年12月, 令和4年度）。`,
    en: `The baseline's as-of "${text}" is neither a fiscal year nor a date (e.g. 2022-12, 令和4年12月, FY2022).`,
  })),
  surveyMissing: defineProblem('indicator/survey-question-missing', 'invalid', () => ({
    ja: '調査指標には設問と尺度が必要です。',
    en: 'A survey indicator needs its question wording and scale.',
  })),
  shareOutOfRange: defineProblem<{ field: string; value: number }>(
    'indicator/share-out-of-range',
    'invalid',
    (p) => ({
      ja: `「${p.field}」は 0〜1 の割合で指定してください（値: ${p.value}）。`,
      en: `"${p.field}" must be a share between 0 and 1 (got ${p.value}).`,
    }),
  ),
  weightNonpositive: defineProblem<{ weight: number }>(
    'indicator/weight-nonpositive',
    'invalid',
    ({ weight }) => ({
      ja: `重み ${weight} は正の数でなければなりません。`,
      en: `The weight ${weight} must be positive.`,
    }),
  ),
  duplicateArea: defineProblem<{ area: string }>('indicator/duplicate-area', 'invalid', ({ area }) => ({
    ja: `地域「${area}」が重複しています。`,
    en: `The area "${area}" is listed twice.`,
  })),
  actualExists: defineProblem<{ key: string; id: string }>('indicator/actual-exists', 'conflict', (p) => ({
    ja: `この実績値（${p.key}）は既に登録されています（版 ${p.id}）。修正として登録してください。`,
    en: `This actual (${p.key}) is already recorded (version ${p.id}); record a correction instead.`,
  })),
  versionNotFound: defineProblem<{ id: string }>('indicator/version-not-found', 'not-found', ({ id }) => ({
    ja: `実績値の版 ${id} が見つかりません。`,
    en: `Actual value version ${id} was not found.`,
  })),
  versionSuperseded: defineProblem<{ id: string; by: string }>(
    'indicator/version-superseded',
    'conflict',
    (p) => ({
      ja: `版 ${p.id} は既に版 ${p.by} で修正されています。最新の版を修正してください。`,
      en: `Version ${p.id} has already been corrected by ${p.by}; correct the latest version.`,
    }),
  ),
  unknownIndicator: defineProblem<{ code: string }>(
    'indicator/unknown-indicator',
    'not-found',
    ({ code }) => ({
      ja: `指標コード「${code}」は定義されていません。`,
      en: `No indicator has the code "${code}".`,
    }),
  ),
  unknownArea: defineProblem<{ code: string; area: string }>('indicator/unknown-area', 'invalid', (p) => ({
    ja: `指標「${p.code}」は地域「${p.area}」別の内訳を持ちません。`,
    en: `Indicator "${p.code}" is not broken down by the area "${p.area}".`,
  })),
  schemeInvalid: defineProblem<{ reason: string }>(
    'indicator/status-scheme-invalid',
    'invalid',
    ({ reason }) => ({
      ja: `評価区分の設定が不正です: ${reason}`,
      en: `The status scheme is invalid: ${reason}`,
    }),
  ),
  rollupUnknownInput: defineProblem<{ node: string; input: string }>(
    'indicator/rollup-unknown-input',
    'invalid',
    (p) => ({
      ja: `「${p.node}」の入力「${p.input}」が見つかりません。`,
      en: `"${p.node}" refers to an unknown input "${p.input}".`,
    }),
  ),
  rollupCycle: defineProblem<{ path: string }>('indicator/rollup-cycle', 'invalid', ({ path }) => ({
    ja: `集計の構造が循環しています: ${path}`,
    en: `The roll-up tree has a cycle: ${path}`,
  })),
  otherDepartment: defineProblem<{ code: string; department: string }>(
    'indicator/other-department',
    'forbidden',
    (p) => ({
      ja: `指標「${p.code}」は所属（${p.department}）の担当ではないため取り込めません`,
      en: `Indicator "${p.code}" does not belong to your department (${p.department}); not imported`,
    }),
  ),
};
