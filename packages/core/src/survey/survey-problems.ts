/**
 * The survey estimator's problem catalogue: every expected failure in a
 * design, a calibration or an estimate, with a stable code.
 */
import { defineProblem } from '../errors';

export const surveyProblems = {
  emptySample: defineProblem('survey/empty-sample', 'invalid', () => ({
    ja: '回答がありません。',
    en: 'The sample has no respondents.',
  })),
  lengthMismatch: defineProblem<{ field: string; expected: number; actual: number }>(
    'survey/length-mismatch',
    'invalid',
    ({ field, expected, actual }) => ({
      ja: `${field} の長さ (${actual}) が回答数 (${expected}) と一致しません。`,
      en: `${field} has ${actual} values but the sample has ${expected} respondents.`,
    }),
  ),
  valueMissing: defineProblem<{ value: string }>('survey/value-missing', 'invalid', ({ value }) => ({
    ja: `値がありません（${value}）。`,
    en: `A value is missing (${value}).`,
  })),
  notANumber: defineProblem<{ value: string }>('survey/not-a-number', 'invalid', ({ value }) => ({
    ja: `数値ではありません: 「${value}」`,
    en: `Not a number: "${value}"`,
  })),
  outOfScale: defineProblem<{ value: number; min: number; max: number }>(
    'survey/answer-out-of-scale',
    'invalid',
    ({ value, min, max }) => ({
      ja: `回答 ${value} が尺度 ${min}〜${max} の範囲外です。`,
      en: `Answer ${value} is outside the scale ${min}–${max}.`,
    }),
  ),
  notInteger: defineProblem<{ value: number }>('survey/answer-not-integer', 'invalid', ({ value }) => ({
    ja: `回答 ${value} が整数ではありません。`,
    en: `Answer ${value} is not a whole number on the scale.`,
  })),
  weightsNonpositive: defineProblem<{ weight: number }>(
    'survey/weights-nonpositive',
    'invalid',
    ({ weight }) => ({
      ja: `重み ${weight} は正の数でなければなりません。`,
      en: `Weight ${weight} must be positive.`,
    }),
  ),
  stratumMissing: defineProblem('survey/stratum-missing', 'invalid', () => ({
    ja: '層（strata）の値がありません。',
    en: 'The stratum is missing.',
  })),
  clusterMissing: defineProblem('survey/cluster-missing', 'invalid', () => ({
    ja: 'クラスター（PSU）の値がありません。',
    en: 'The cluster (PSU) is missing.',
  })),
  fpcInvalid: defineProblem<{ fpc: number }>('survey/fpc-invalid', 'invalid', ({ fpc }) => ({
    ja: `有限母集団修正 ${fpc} が不正です（0より大きい数、1以下なら抽出率、1超なら母集団の大きさ）。`,
    en: `Finite population correction ${fpc} is invalid (a positive number: at most 1 a sampling fraction, above 1 a population size).`,
  })),
  fpcMixed: defineProblem('survey/fpc-mixed', 'invalid', () => ({
    ja: '有限母集団修正に抽出率（1以下）と母集団の大きさ（1超）が混在しています。',
    en: 'The fpc mixes sampling fractions (at most 1) and population sizes (above 1).',
  })),
  fpcNotConstant: defineProblem<{ stratum: string }>('survey/fpc-not-constant', 'invalid', ({ stratum }) => ({
    ja: `層「${stratum}」の中で有限母集団修正の値が一定ではありません。`,
    en: `The fpc is not constant within stratum "${stratum}".`,
  })),
  fpcTooSmall: defineProblem<{ stratum: string; population: number; sampled: number }>(
    'survey/fpc-below-sample',
    'invalid',
    ({ stratum, population, sampled }) => ({
      ja: `層「${stratum}」の母集団の大きさ ${population} が抽出単位数 ${sampled} より小さいです。`,
      en: `Stratum "${stratum}" has population size ${population}, fewer than its ${sampled} sampled units.`,
    }),
  ),
  lonelyPsu: defineProblem<{ stratum: string }>('survey/lonely-psu', 'invalid', ({ stratum }) => ({
    ja: `層「${stratum}」の抽出単位（PSU）が1つだけで、分散を推定できません。`,
    en: `Stratum "${stratum}" has only one PSU, so its variance cannot be estimated.`,
  })),
  populationCellEmpty: defineProblem<{ cell: string }>(
    'survey/population-cell-empty',
    'invalid',
    ({ cell }) => ({
      ja: `母集団のセル「${cell}」に該当する回答者がいません。`,
      en: `Population cell "${cell}" has no respondents.`,
    }),
  ),
  sampleCellMissing: defineProblem<{ cell: string }>(
    'survey/population-cell-missing',
    'invalid',
    ({ cell }) => ({
      ja: `回答者のセル「${cell}」が母集団ファイルにありません。`,
      en: `Respondents' cell "${cell}" is not in the population file.`,
    }),
  ),
  populationCountInvalid: defineProblem<{ count: number }>(
    'survey/population-count-invalid',
    'invalid',
    ({ count }) => ({
      ja: `母集団の人数 ${count} が不正です（0以上の数）。`,
      en: `Population count ${count} is invalid (a non-negative number).`,
    }),
  ),
  marginsDisagree: defineProblem<{ first: number; other: number; variable: string }>(
    'survey/margins-disagree',
    'invalid',
    ({ first, other, variable }) => ({
      ja: `周辺合計が一致しません: ${variable} の合計 ${other} ≠ 最初の変数の合計 ${first}。`,
      en: `Margins do not add up: ${variable} totals ${other}, the first margin totals ${first}.`,
    }),
  ),
  rakingNotConverged: defineProblem<{ iterations: number; maxMarginError: number }>(
    'survey/raking-not-converged',
    'invalid',
    ({ iterations, maxMarginError }) => ({
      ja: `レイキングが ${iterations} 回の反復で収束しませんでした（周辺誤差の最大 ${maxMarginError}）。`,
      en: `Raking did not converge in ${iterations} iterations (largest margin error ${maxMarginError}).`,
    }),
  ),
  zeroDenominator: defineProblem<{ what: string }>('survey/zero-denominator', 'invalid', ({ what }) => ({
    ja: `分母が0です（${what}）。`,
    en: `The denominator is zero (${what}).`,
  })),
  quantileInvalid: defineProblem<{ p: number }>('survey/quantile-invalid', 'invalid', ({ p }) => ({
    ja: `分位点 ${p} は0から1の間でなければなりません。`,
    en: `Quantile ${p} must be between 0 and 1.`,
  })),
  domainTooSmall: defineProblem<{ level: string; n: number; min: number }>(
    'survey/domain-too-small',
    'invalid',
    ({ level, n, min }) => ({
      ja: `区分「${level}」の回答者は ${n} 人で、公表の下限 ${min} 人未満です。`,
      en: `Domain "${level}" has ${n} respondents, fewer than the publication minimum of ${min}.`,
    }),
  ),
  replicatesInvalid: defineProblem<{ replicates: number }>(
    'survey/replicates-invalid',
    'invalid',
    ({ replicates }) => ({
      ja: `反復数 ${replicates} は2以上の整数でなければなりません。`,
      en: `The number of replicates ${replicates} must be a whole number of at least 2.`,
    }),
  ),
  jk1Stratified: defineProblem('survey/jk1-stratified', 'invalid', () => ({
    ja: 'JK1 ジャックナイフは層化されていない設計にのみ使えます。',
    en: 'The JK1 jackknife applies only to unstratified designs.',
  })),
  sharesInvalid: defineProblem<{ total: number }>('survey/shares-invalid', 'invalid', ({ total }) => ({
    ja: `回答比率の合計 ${total} が100%になりません。`,
    en: `The shares add up to ${total}, not 100%.`,
  })),
  invitationsInvalid: defineProblem<{ stratum: string; invited: number; responded: number }>(
    'survey/invitations-invalid',
    'invalid',
    ({ stratum, invited, responded }) => ({
      ja: `層「${stratum}」の回答数 ${responded} が依頼数 ${invited} を超えています。`,
      en: `Stratum "${stratum}" has ${responded} responses but only ${invited} invitations.`,
    }),
  ),
  tooFewObservations: defineProblem<{ n: number; needed: number }>(
    'survey/too-few-observations',
    'invalid',
    ({ n, needed }) => ({
      ja: `観測数 ${n} が少なすぎます（${needed} 以上必要）。`,
      en: `Too few observations: ${n} (at least ${needed} needed).`,
    }),
  ),
  tooManyPredictors: defineProblem<{ p: number; max: number }>(
    'survey/too-many-predictors',
    'invalid',
    ({ p, max }) => ({
      ja: `説明変数が ${p} 個あり、全部分集合による分解の上限 ${max} 個を超えています。`,
      en: `${p} predictors exceed the ${max} that an all-subsets decomposition allows.`,
    }),
  ),
};
