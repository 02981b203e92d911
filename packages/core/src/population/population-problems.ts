/**
 * The catalogue of expected failures of the population projection engine:
 * bad specs, bad census tables, unreachable targets and guarded negatives.
 */
import { defineProblem } from '../errors';

export const populationProblems = {
  specVersion: defineProblem<{ got: string }>('population/spec-version', 'invalid', ({ got }) => ({
    ja: `仕様のバージョン ${got} には対応していません（1 のみ）。`,
    en: `Spec version ${got} is not supported (only 1).`,
  })),
  fieldMissing: defineProblem<{ field: string; method: string }>(
    'population/field-missing',
    'invalid',
    ({ field, method }) => ({
      ja: `項目 ${field} がありません（方法 ${method} で必要）。`,
      en: `Field ${field} is missing (required by method ${method}).`,
    }),
  ),
  fieldType: defineProblem<{ field: string; expected: string }>(
    'population/field-type',
    'invalid',
    ({ field, expected }) => ({
      ja: `項目 ${field} の形式が正しくありません（${expected} が必要）。`,
      en: `Field ${field} has the wrong type (expected ${expected}).`,
    }),
  ),
  ageGroups: defineProblem<{ label: string; expected: string }>(
    'population/age-groups-invalid',
    'invalid',
    ({ label, expected }) => ({
      ja: `年齢区分「${label}」が連続した5歳階級になっていません（期待: ${expected}）。`,
      en: `Age group "${label}" breaks the contiguous 5-year groups (expected ${expected}).`,
    }),
  ),
  arrayLength: defineProblem<{ field: string; expected: number; actual: number }>(
    'population/array-length',
    'invalid',
    ({ field, expected, actual }) => ({
      ja: `${field} の要素数が ${actual} です（年齢区分の数 ${expected} が必要）。`,
      en: `${field} has ${actual} values; the age groups need ${expected}.`,
    }),
  ),
  notFinite: defineProblem<{ field: string }>('population/not-finite', 'invalid', ({ field }) => ({
    ja: `${field} に数値でない値があります。`,
    en: `${field} holds a value that is not a finite number.`,
  })),
  negative: defineProblem<{ field: string; value: number }>(
    'population/negative-value',
    'invalid',
    ({ field, value }) => ({
      ja: `${field} に負の値 ${value} があります。`,
      en: `${field} holds a negative value ${value}.`,
    }),
  ),
  survivalAboveOne: defineProblem<{ field: string; value: number }>(
    'population/survival-above-one',
    'invalid',
    ({ field, value }) => ({
      ja: `${field} の生残率 ${value} が 1 を超えています。`,
      en: `Survival ${value} in ${field} is above 1.`,
    }),
  ),
  yearOffGrid: defineProblem<{ year: number; baseYear: number }>(
    'population/year-off-grid',
    'invalid',
    ({ year, baseYear }) => ({
      ja: `${year} 年は基準年 ${baseYear} からの5年刻みにありません。`,
      en: `Year ${year} is not on the 5-year grid from the base year ${baseYear}.`,
    }),
  ),
  yearsNotConsecutive: defineProblem<{ year: number; expected: number }>(
    'population/years-not-consecutive',
    'invalid',
    ({ year, expected }) => ({
      ja: `推計年 ${year} の位置には ${expected} 年が必要です（5年ごとに連続させてください）。`,
      en: `Projection year ${year} found where ${expected} was expected (list every 5-year step in order).`,
    }),
  ),
  periodMissing: defineProblem<{ field: string; year: number }>(
    'population/period-missing',
    'invalid',
    ({ field, year }) => ({
      ja: `${field} に期末年 ${year} の値がありません。`,
      en: `${field} has no value for the period ending ${year}.`,
    }),
  ),
  periodUnknown: defineProblem<{ field: string; key: string }>(
    'population/period-unknown',
    'invalid',
    ({ field, key }) => ({
      ja: `${field} のキー「${key}」は推計期間の期末年ではありません。`,
      en: `Key "${key}" of ${field} is not the end year of a projection period.`,
    }),
  ),
  valueOutOfRange: defineProblem<{ field: string; value: number; range: string }>(
    'population/value-out-of-range',
    'invalid',
    ({ field, value, range }) => ({
      ja: `${field} の値 ${value} が範囲 ${range} の外です。`,
      en: `${field} value ${value} is outside ${range}.`,
    }),
  ),
  negativeGuarded: defineProblem<{
    area: string;
    year: number;
    sex: string;
    ageGroup: string;
    value: number;
  }>('population/negative-guarded', 'invalid', ({ area, year, sex, ageGroup, value }) => ({
    ja: `${area} の ${year} 年 ${sex} ${ageGroup} が負（${value.toFixed(2)}）になるため 0 にしました。`,
    en: `${area} ${year} ${sex} ${ageGroup} would be negative (${value.toFixed(2)}); set to 0.`,
  })),
  targetUnreachable: defineProblem<{
    lever: string;
    target: number;
    year: number;
    closest: number;
    value: number;
    range: string;
  }>('population/target-unreachable', 'invalid', ({ lever, target, year, closest, value, range }) => ({
    ja: `${lever} を ${range} の範囲で動かしても ${year} 年に ${target} 人に届きません（最も近いのは ${lever}=${value} で ${Math.round(closest)} 人）。`,
    en: `No value of ${lever} in ${range} reaches ${target} in ${year}; the closest is ${Math.round(closest)} at ${lever}=${value}.`,
  })),
  targetYear: defineProblem<{ year: number; from: number; to: number }>(
    'population/target-year-outside',
    'invalid',
    ({ year, from, to }) => ({
      ja: `目標年 ${year} が推計の範囲 ${from}〜${to} の外です。`,
      en: `Target year ${year} is outside the projection ${from}–${to}.`,
    }),
  ),
  censusMissing: defineProblem<{ year: number; sex: string; ageGroup: string }>(
    'population/census-missing',
    'invalid',
    ({ year, sex, ageGroup }) => ({
      ja: `国勢調査表に ${year} 年 ${sex} ${ageGroup} の値がありません。`,
      en: `The census table has no value for ${year} ${sex} ${ageGroup}.`,
    }),
  ),
  censusRow: defineProblem<{ column: string; value: string }>(
    'population/census-row-invalid',
    'invalid',
    ({ column, value }) => ({
      ja: `列 ${column} の値「${value}」を読めません。`,
      en: `Cannot read "${value}" in column ${column}.`,
    }),
  ),
  areaNotFound: defineProblem<{ area: string }>('population/area-not-found', 'not-found', ({ area }) => ({
    ja: `地域コード ${area} の行がありません。`,
    en: `No rows for area code ${area}.`,
  })),
  censusYears: defineProblem<{ from: number; to: number }>(
    'population/census-years',
    'invalid',
    ({ from, to }) => ({
      ja: `国勢調査の年 ${from} と ${to} は5年離れている必要があります。`,
      en: `Census years ${from} and ${to} must be 5 years apart.`,
    }),
  ),
  specUnreadable: defineProblem<{ reason: string }>(
    'population/spec-unreadable',
    'invalid',
    ({ reason }) => ({
      ja: `仕様ファイルを読めません: ${reason}`,
      en: `Cannot read the spec file: ${reason}`,
    }),
  ),
  optionInvalid: defineProblem<{ option: string; value: string; expected: string }>(
    'population/option-invalid',
    'invalid',
    ({ option, value, expected }) => ({
      ja: `オプション ${option} の値「${value}」が正しくありません（${expected}）。`,
      en: `Option ${option} has the value "${value}"; expected ${expected}.`,
    }),
  ),
  districtMismatch: defineProblem<{ name: string; detail: string }>(
    'population/district-mismatch',
    'invalid',
    ({ name, detail }) => ({
      ja: `地区 ${name} の仕様が市の仕様と合いません: ${detail}`,
      en: `District ${name} does not match the city spec: ${detail}`,
    }),
  ),
};
