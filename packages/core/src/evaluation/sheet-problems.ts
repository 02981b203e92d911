/**
 * Problems in evaluation sheets and their configuration: templates, rating
 * scales, content, costs and indicator rows. Codes are stable; `where` gives the
 * field path inside the sheet (e.g. `cost.funding.national`, `indicators[2].code`).
 */
import { defineProblem } from '../errors';

export const sheetProblems = {
  fieldRequired: defineProblem<{ field: string; label: string }>(
    'evaluation/field-required',
    'invalid',
    ({ label }) => ({ ja: `「${label}」を入力してください。`, en: `"${label}" is required.` }),
  ),
  textTooLong: defineProblem<{ field: string; label: string; max: number; length: number }>(
    'evaluation/text-too-long',
    'invalid',
    ({ label, max, length }) => ({
      ja: `「${label}」は${max}文字以内にしてください（${length}文字）。`,
      en: `"${label}" may have at most ${max} characters (it has ${length}).`,
    }),
  ),
  ratingOutOfScale: defineProblem<{ value: string; scale: string; allowed: string }>(
    'evaluation/rating-out-of-scale',
    'invalid',
    ({ value, scale, allowed }) => ({
      ja: `評価「${value}」は尺度「${scale}」にありません（${allowed}）。`,
      en: `The rating "${value}" is not on the scale "${scale}" (${allowed}).`,
    }),
  ),
  ratingUnknown: defineProblem<{ key: string }>('evaluation/rating-unknown', 'invalid', ({ key }) => ({
    ja: `評価項目「${key}」はこのシートの様式にありません。`,
    en: `The rating "${key}" is not part of this sheet's template.`,
  })),
  directionUnknown: defineProblem<{ value: string; allowed: string }>(
    'evaluation/direction-unknown',
    'invalid',
    ({ value, allowed }) => ({
      ja: `今後の方向性「${value}」は選択肢にありません（${allowed}）。`,
      en: `The direction "${value}" is not one of the options (${allowed}).`,
    }),
  ),
  amountInvalid: defineProblem<{ field: string; value: string }>(
    'evaluation/amount-invalid',
    'invalid',
    ({ field, value }) => ({
      ja: `${field} は0以上の数値にしてください（${value}）。`,
      en: `${field} must be a number of at least 0 (got ${value}).`,
    }),
  ),
  fundingMismatch: defineProblem<{ declared: number; sum: number }>(
    'evaluation/funding-mismatch',
    'invalid',
    ({ declared, sum }) => ({
      ja: `事業費 ${declared} が財源内訳の合計 ${sum} と一致しません。`,
      en: `The project cost ${declared} differs from the sum of its funding sources (${sum}).`,
    }),
  ),
  unitQuantityInvalid: defineProblem<{ value: string }>(
    'evaluation/unit-quantity-invalid',
    'invalid',
    ({ value }) => ({
      ja: `単位コストの分母が正の数ではありません（${value}）。単位コストは計算しません。`,
      en: `The unit-cost quantity is not a positive number (${value}); no unit cost is computed.`,
    }),
  ),
  periodInvalid: defineProblem<{ start: number; end: number }>(
    'evaluation/period-invalid',
    'invalid',
    ({ start, end }) => ({
      ja: `事業期間の終了年度 ${end} が開始年度 ${start} より前です。`,
      en: `The project period ends (FY${end}) before it starts (FY${start}).`,
    }),
  ),
  indicatorDuplicate: defineProblem<{ code: string }>(
    'evaluation/indicator-duplicate',
    'invalid',
    ({ code }) => ({ ja: `指標 ${code} が重複しています。`, en: `The indicator ${code} is listed twice.` }),
  ),
  indicatorUnknown: defineProblem<{ code: string }>(
    'evaluation/indicator-unknown',
    'invalid',
    ({ code }) => ({
      ja: `指標コード「${code}」は計画にありません。`,
      en: `The plan has no indicator with the code "${code}".`,
    }),
  ),
  indicatorsTooFew: defineProblem<{ role: string; min: number; count: number }>(
    'evaluation/indicators-too-few',
    'invalid',
    ({ role, min, count }) => ({
      ja: `${role}指標が${min}件以上必要です（${count}件）。`,
      en: `At least ${min} ${role} indicator(s) are needed (${count} given).`,
    }),
  ),
  indicatorValueMissing: defineProblem<{ code: string; fiscalYear: number; what: string }>(
    'evaluation/indicator-value-missing',
    'invalid',
    ({ code, fiscalYear, what }) => ({
      ja: `指標 ${code} の${fiscalYear}年度の${what === 'actual' ? '実績値' : '目標値'}がありません。`,
      en: `Indicator ${code} has no ${what} for FY${fiscalYear}.`,
    }),
  ),
  projectDuplicate: defineProblem<{ code: string }>(
    'evaluation/project-duplicate',
    'invalid',
    ({ code }) => ({
      ja: `構成事務事業 ${code} が重複しています。`,
      en: `The contributing project ${code} is listed twice.`,
    }),
  ),
  projectUnknown: defineProblem<{ code: string }>('evaluation/project-unknown', 'invalid', ({ code }) => ({
    ja: `事務事業コード「${code}」はこの施策にありません。`,
    en: `The measure has no project with the code "${code}".`,
  })),
  weightInvalid: defineProblem<{ value: string }>('evaluation/weight-invalid', 'invalid', ({ value }) => ({
    ja: `貢献度は0〜100の数値にしてください（${value}）。`,
    en: `A contribution weight must be a number from 0 to 100 (got ${value}).`,
  })),
  weightsSum: defineProblem<{ sum: number }>('evaluation/weights-sum', 'invalid', ({ sum }) => ({
    ja: `貢献度の合計が100ではありません（${sum}）。`,
    en: `The contribution weights add up to ${sum}, not 100.`,
  })),
  sheetKindMismatch: defineProblem<{ sheet: string; template: string }>(
    'evaluation/sheet-kind-mismatch',
    'invalid',
    ({ sheet, template }) => ({
      ja: `シートの種類（${sheet}）と様式（${template}）が一致しません。`,
      en: `A ${sheet} sheet cannot be checked against a ${template} template.`,
    }),
  ),
  scaleInvalid: defineProblem<{ scale: string; reason: string }>(
    'evaluation/scale-invalid',
    'invalid',
    ({ scale, reason }) => ({
      ja: `評価尺度「${scale}」が正しくありません: ${reason}`,
      en: `The rating scale "${scale}" is invalid: ${reason}`,
    }),
  ),
  templateInvalid: defineProblem<{ template: string; reason: string }>(
    'evaluation/template-invalid',
    'invalid',
    ({ template, reason }) => ({
      ja: `様式「${template}」が正しくありません: ${reason}`,
      en: `The template "${template}" is invalid: ${reason}`,
    }),
  ),
  scaleUnknown: defineProblem<{ scale: string }>('evaluation/scale-unknown', 'invalid', ({ scale }) => ({
    ja: `評価尺度「${scale}」が定義されていません。`,
    en: `No rating scale "${scale}" is defined.`,
  })),
} as const;
