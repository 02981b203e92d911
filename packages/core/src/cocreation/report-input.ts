/**
 * Checks what a partner reports (what was done, when, where, people reached,
 * hours, money, an optional proposed indicator value) and each attached file
 * (size, real type from its bytes). Every problem at once, with its field.
 */
import { defineProblem } from '../errors/define';
import type { Problem } from '../errors/problem';
import { type SniffedType, sniffFileType } from './file-sniff';

export interface ReportInput {
  itemCode: string;
  title: string;
  body: string;
  /** ISO date of the activity. */
  activityDate: string;
  place?: string;
  peopleReached?: number;
  hours?: number;
  moneyYen?: number;
  indicatorCode?: string;
  proposedValue?: number;
}

export const reportProblems = {
  required: defineProblem<{ field: string }>('cocreation/required', 'invalid', ({ field }) => ({
    ja: `${field} は必須です`,
    en: `${field} is required`,
  })),
  tooLong: defineProblem<{ field: string; max: number }>(
    'cocreation/too-long',
    'invalid',
    ({ field, max }) => ({
      ja: `${field} は${max}文字以内で入力してください`,
      en: `${field} must be at most ${max} characters`,
    }),
  ),
  badDate: defineProblem<{ value: string }>('cocreation/bad-date', 'invalid', ({ value }) => ({
    ja: `日付 ${value} が正しくありません（YYYY-MM-DD、未来の日付は不可）`,
    en: `Date ${value} is not valid (YYYY-MM-DD, not in the future)`,
  })),
  badNumber: defineProblem<{ field: string }>('cocreation/bad-number', 'invalid', ({ field }) => ({
    ja: `${field} は0以上の数で入力してください`,
    en: `${field} must be a number of at least 0`,
  })),
  proposalPair: defineProblem('cocreation/proposal-incomplete', 'invalid', () => ({
    ja: '指標値の提案には指標と値の両方が必要です',
    en: 'A proposed indicator value needs both the indicator and the value',
  })),
  fileTooLarge: defineProblem<{ name: string; maxBytes: number }>(
    'cocreation/file-too-large',
    'too-large',
    ({ name, maxBytes }) => ({
      ja: `ファイル ${name} が大きすぎます（上限 ${Math.round(maxBytes / 1024 / 1024)} MB）`,
      en: `File ${name} is too large (limit ${Math.round(maxBytes / 1024 / 1024)} MB)`,
    }),
  ),
  fileType: defineProblem<{ name: string }>('cocreation/file-type', 'invalid', ({ name }) => ({
    ja: `ファイル ${name} は写真（JPEG・PNG・GIF・WebP）またはPDFではありません（中身で判定）`,
    en: `File ${name} is not a photo (JPEG, PNG, GIF, WebP) or a PDF (judged by its content)`,
  })),
  tooManyFiles: defineProblem<{ max: number }>('cocreation/too-many-files', 'invalid', ({ max }) => ({
    ja: `添付できるファイルは${max}件までです`,
    en: `At most ${max} files may be attached`,
  })),
};

export const reportLimits = { title: 200, body: 4000, place: 200, fileBytes: 5 * 1024 * 1024, files: 5 };

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export function checkReportInput(r: ReportInput, today: string): Problem[] {
  const out: Problem[] = [];
  const text = (field: keyof ReportInput, value: string | undefined, max: number, required: boolean) => {
    if (required && !value?.trim()) out.push(reportProblems.required.create({ field }, { field }));
    else if (value && value.length > max) out.push(reportProblems.tooLong.create({ field, max }, { field }));
  };
  text('itemCode', r.itemCode, 64, true);
  text('title', r.title, reportLimits.title, true);
  text('body', r.body, reportLimits.body, true);
  text('place', r.place, reportLimits.place, false);
  if (!isIsoDate(r.activityDate) || r.activityDate > today)
    out.push(reportProblems.badDate.create({ value: r.activityDate }, { field: 'activityDate' }));
  for (const field of ['peopleReached', 'hours', 'moneyYen'] as const) {
    const v = r[field];
    if (v !== undefined && (!Number.isFinite(v) || v < 0 || (field !== 'hours' && !Number.isInteger(v))))
      out.push(reportProblems.badNumber.create({ field }, { field }));
  }
  if ((r.indicatorCode === undefined) !== (r.proposedValue === undefined))
    out.push(reportProblems.proposalPair.create({}, { field: 'proposedValue' }));
  else if (r.proposedValue !== undefined && !Number.isFinite(r.proposedValue))
    out.push(reportProblems.badNumber.create({ field: 'proposedValue' }, { field: 'proposedValue' }));
  return out;
}

/** The file's real type when it is acceptable, or the problems. */
export function checkUploadedFile(
  name: string,
  bytes: Uint8Array,
  allowed: readonly SniffedType[],
  maxBytes = reportLimits.fileBytes,
): { type: SniffedType } | { problems: Problem[] } {
  if (bytes.length > maxBytes)
    return { problems: [reportProblems.fileTooLarge.create({ name, maxBytes }, { file: name })] };
  const type = sniffFileType(bytes);
  if (!type || !allowed.includes(type))
    return { problems: [reportProblems.fileType.create({ name }, { file: name })] };
  return { type };
}
