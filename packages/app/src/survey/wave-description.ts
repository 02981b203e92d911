/**
 * A survey wave's description as a file (YAML or JSON): its code, title,
 * fieldwork, questions (several: happiness and the domain questions whose
 * LMG shares the happiness page shows), respondent attributes and
 * calibration. The same schema and checks for the CLI (`--description`),
 * the API's `meta` and the staff import wizard's description file; every
 * problem at once, each with the field path in the file.
 */
import { defineProblem, fail, ok, type Problem, type Result } from '@mirai/core';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ImportWaveInput } from './import-survey-wave';

export const waveQuestionSchema = z.object({
  code: z.string().min(1).max(64),
  wording: z.object({ ja: z.string().min(1).max(500), en: z.string().max(500).optional() }),
  scale: z.object({ min: z.number(), max: z.number() }),
  indicator: z.string().min(1).max(64).optional(),
});

export const waveDescriptionSchema = z.object({
  code: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  fieldworkStart: z.string().max(10).optional(),
  fieldworkEnd: z.string().max(10).optional(),
  samplingFrame: z.string().max(200).optional(),
  invitations: z.number().int().nonnegative().optional(),
  questions: z.array(waveQuestionSchema).min(1).max(60),
  attributes: z.array(z.string().min(1)).max(20),
  weightColumn: z.string().min(1).optional(),
  calibration: z
    .object({ poststratify: z.array(z.string()).optional(), rake: z.array(z.string()).optional() })
    .optional(),
});

export type WaveDescription = Omit<ImportWaveInput, 'responses' | 'invitationsTable' | 'populationTable'>;

export const waveDescriptionProblems = {
  unreadable: defineProblem<{ reason: string }>('survey/description-unreadable', 'invalid', ({ reason }) => ({
    ja: `調査回の設定ファイルを読めません（YAML または JSON）: ${reason}`,
    en: `Cannot read the wave description (YAML or JSON): ${reason}`,
  })),
  invalid: defineProblem<{ path: string; reason: string }>(
    'survey/description-invalid',
    'invalid',
    ({ path, reason }) => ({
      ja: `調査回の設定「${path || '（全体）'}」が正しくありません: ${reason}`,
      en: `Wave description field "${path || '(root)'}" is invalid: ${reason}`,
    }),
  ),
  duplicateQuestion: defineProblem<{ code: string }>(
    'survey/description-duplicate-question',
    'invalid',
    ({ code }) => ({
      ja: `設問「${code}」が二度あります`,
      en: `Question "${code}" is listed twice`,
    }),
  ),
  badScale: defineProblem<{ code: string }>('survey/description-bad-scale', 'invalid', ({ code }) => ({
    ja: `設問「${code}」の尺度は最小値が最大値より小さくなければなりません`,
    en: `Question "${code}": the scale minimum must be below its maximum`,
  })),
};
const P = waveDescriptionProblems;

/** Checks a parsed description (an object from YAML/JSON, or the API's meta). */
export function validateWaveDescription(input: unknown, file?: string): Result<WaveDescription> {
  const at = (path: string) => ({ ...(file ? { file } : {}), path });
  const parsed = waveDescriptionSchema.safeParse(input);
  if (!parsed.success)
    return fail(
      parsed.error.issues.map((i) =>
        P.invalid.create({ path: i.path.join('.'), reason: i.message }, at(i.path.join('.'))),
      ),
    );
  const d = parsed.data;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  d.questions.forEach((q, i) => {
    if (seen.has(q.code))
      problems.push(P.duplicateQuestion.create({ code: q.code }, at(`questions.${i}.code`)));
    seen.add(q.code);
    if (!(q.scale.min < q.scale.max))
      problems.push(P.badScale.create({ code: q.code }, at(`questions.${i}.scale`)));
  });
  if (problems.length > 0) return fail(problems);
  return ok({
    code: d.code,
    title: d.title,
    questions: d.questions.map((q) => ({
      code: q.code,
      wording: q.wording.en ? { ja: q.wording.ja, en: q.wording.en } : { ja: q.wording.ja },
      scale: q.scale,
      ...(q.indicator ? { indicator: q.indicator } : {}),
    })),
    attributes: d.attributes,
    ...(d.fieldworkStart ? { fieldworkStart: d.fieldworkStart } : {}),
    ...(d.fieldworkEnd ? { fieldworkEnd: d.fieldworkEnd } : {}),
    ...(d.samplingFrame ? { samplingFrame: d.samplingFrame } : {}),
    ...(d.invitations !== undefined ? { invitations: d.invitations } : {}),
    ...(d.weightColumn ? { weightColumn: d.weightColumn } : {}),
    ...(d.calibration ? { calibration: d.calibration } : {}),
  });
}

/** Reads a description file's text (YAML, of which JSON is a subset; a BOM is ignored). */
export function parseWaveDescription(text: string, file?: string): Result<WaveDescription> {
  let value: unknown;
  try {
    value = parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const reason = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    return fail(P.unreadable.create({ reason }, file ? { file } : undefined));
  }
  return validateWaveDescription(value, file);
}
