/**
 * Problems in logic models, theory-of-change findings and medium-term reviews.
 */
import { defineProblem } from '../errors';

export const theoryProblems = {
  nodeDuplicate: defineProblem<{ id: string }>('evaluation/logic-node-duplicate', 'invalid', ({ id }) => ({
    ja: `ロジックモデルの要素 ${id} が重複しています。`,
    en: `The logic model has two nodes with the id ${id}.`,
  })),
  linkDuplicate: defineProblem<{ id: string }>('evaluation/logic-link-duplicate', 'invalid', ({ id }) => ({
    ja: `ロジックモデルのつながり ${id} が重複しています。`,
    en: `The logic model has two links with the id ${id} (or two links between the same nodes).`,
  })),
  linkDangling: defineProblem<{ linkId: string; node: string }>(
    'evaluation/logic-link-dangling',
    'invalid',
    ({ linkId, node }) => ({
      ja: `つながり ${linkId} の要素 ${node} がありません。`,
      en: `Link ${linkId} refers to a node ${node} that does not exist.`,
    }),
  ),
  linkBackward: defineProblem<{ linkId: string; from: string; to: string }>(
    'evaluation/logic-link-backward',
    'invalid',
    ({ linkId, from, to }) => ({
      ja: `つながり ${linkId} は「${from}」から「${to}」へ逆向きです（インプット→活動→アウトプット→アウトカム→ありたい姿）。`,
      en: `Link ${linkId} runs backwards from ${from} to ${to} (input → activity → output → outcome → desired state).`,
    }),
  ),
  cycle: defineProblem<{ nodes: string }>('evaluation/logic-cycle', 'invalid', ({ nodes }) => ({
    ja: `ロジックモデルが循環しています: ${nodes}`,
    en: `The logic model has a cycle: ${nodes}`,
  })),
  noDesiredState: defineProblem('evaluation/logic-no-desired-state', 'invalid', () => ({
    ja: 'ロジックモデルに「ありたい姿」がありません。',
    en: 'The logic model has no desired-state node.',
  })),
  nodeUnlinked: defineProblem<{ id: string }>('evaluation/logic-node-unlinked', 'invalid', ({ id }) => ({
    ja: `要素 ${id} がどこにもつながっていません。`,
    en: `Node ${id} is not linked to anything.`,
  })),
  findingUnknownLink: defineProblem<{ linkId: string }>(
    'evaluation/finding-unknown-link',
    'invalid',
    ({ linkId }) => ({
      ja: `つながり ${linkId} は施策のロジックモデルにありません。`,
      en: `The measure's logic model has no link ${linkId}.`,
    }),
  ),
  findingDuplicate: defineProblem<{ linkId: string }>(
    'evaluation/finding-duplicate',
    'invalid',
    ({ linkId }) => ({
      ja: `つながり ${linkId} の検証結果が重複しています。`,
      en: `The link ${linkId} has two findings.`,
    }),
  ),
  findingInvalid: defineProblem<{ value: string }>('evaluation/finding-invalid', 'invalid', ({ value }) => ({
    ja: `検証結果「${value}」は選択肢にありません（成立・一部成立・不成立・判断できない）。`,
    en: `"${value}" is not a finding (held, partly, not-held, unknown).`,
  })),
  evidenceRequired: defineProblem<{ linkId: string }>(
    'evaluation/evidence-required',
    'invalid',
    ({ linkId }) => ({
      ja: `つながり ${linkId} の判断の根拠を記入してください。`,
      en: `Give the evidence for the finding on link ${linkId}.`,
    }),
  ),
  // Medium-term review
  reviewYearMissing: defineProblem<{ fiscalYear: number }>(
    'evaluation/review-year-missing',
    'invalid',
    ({ fiscalYear }) => ({
      ja: `${fiscalYear}年度の評価結果がありません。`,
      en: `There is no evaluation for FY${fiscalYear}.`,
    }),
  ),
  reviewYearOutsidePhase: defineProblem<{ fiscalYear: number; start: number; end: number }>(
    'evaluation/review-year-outside-phase',
    'invalid',
    ({ fiscalYear, start, end }) => ({
      ja: `${fiscalYear}年度の評価は期間（${start}〜${end}年度）の外です。`,
      en: `The evaluation of FY${fiscalYear} is outside the phase (FY${start}–FY${end}).`,
    }),
  ),
  reviewYearDuplicate: defineProblem<{ fiscalYear: number }>(
    'evaluation/review-year-duplicate',
    'invalid',
    ({ fiscalYear }) => ({
      ja: `${fiscalYear}年度の評価結果が重複しています。`,
      en: `FY${fiscalYear} is given twice.`,
    }),
  ),
  conclusionUnknownMeasure: defineProblem<{ code: string }>(
    'evaluation/conclusion-unknown-measure',
    'invalid',
    ({ code }) => ({
      ja: `見直し結論の施策 ${code} は現行の施策にありません。`,
      en: `The conclusion names a measure ${code} that is not in the current phase.`,
    }),
  ),
  mergeTargetInvalid: defineProblem<{ code: string; target: string }>(
    'evaluation/merge-target-invalid',
    'invalid',
    ({ code, target }) => ({
      ja: `施策 ${code} の統合先 ${target} が、継続する現行の施策ではありません。`,
      en: `Measure ${code} is merged into ${target}, which is not a current measure carried forward.`,
    }),
  ),
  draftCodeCollision: defineProblem<{ code: string }>(
    'evaluation/draft-code-collision',
    'conflict',
    ({ code }) => ({
      ja: `次期施策のコード ${code} が重複しているか、既存のコードと同じです。`,
      en: `The next-phase code ${code} is used twice or already exists.`,
    }),
  ),
} as const;
