/**
 * Text as data: every text field has a declared maximum length, and control
 * characters (NUL, C0 except tab/newline/carriage return, DEL, C1) and lone
 * UTF-16 surrogates are refused, naming the field. PostgreSQL cannot store
 * NUL in text and lone surrogates are not Unicode, so they would otherwise
 * fail deep in the database as a 500.
 */
import { defineProblem } from '../errors/define';
import type { Problem } from '../errors/problem';

export const textProblems = {
  controlCharacter: defineProblem<{ field: string; codePoint: string }>(
    'text/control-character',
    'invalid',
    ({ field, codePoint }) => ({
      ja: `${field} に使えない制御文字（${codePoint}）が含まれています`,
      en: `${field} contains a control character (${codePoint}) that is not allowed`,
    }),
  ),
  loneSurrogate: defineProblem<{ field: string }>('text/invalid-unicode', 'invalid', ({ field }) => ({
    ja: `${field} に不正な文字（対になっていないサロゲート）が含まれています`,
    en: `${field} contains invalid Unicode (a lone surrogate)`,
  })),
  tooLong: defineProblem<{ field: string; max: number; length: number }>(
    'text/too-long',
    'invalid',
    ({ field, max, length }) => ({
      ja: `${field} が長すぎます（${length} 文字、上限 ${max} 文字）`,
      en: `${field} is too long (${length} characters, at most ${max})`,
    }),
  ),
};

/**
 * The declared maximum length of text fields, by field name (the last key of
 * its path); every other text field has `defaultMaxLength`.
 */
export const textFieldLimits: Readonly<Record<string, number>> = {
  login: 64,
  password: 256,
  currentPassword: 256,
  newPassword: 256,
  displayName: 100,
  department: 64,
  code: 64,
  name: 200,
  title: 300,
  unit: 40,
  email: 254,
  note: 4000,
  comment: 4000,
  body: 4000,
  reason: 4000,
};
export const defaultMaxLength = 10_000;

// C0 controls except \t \n \r, DEL, and C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Checks one text value; `field` names it in the problem (a path such as `items.2.note`). */
export function checkText(value: string, field: string, max?: number): Problem | undefined {
  const name =
    field
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? field;
  const limit = max ?? textFieldLimits[name] ?? defaultMaxLength;
  const c = control.exec(value);
  if (c) {
    const codePoint = `U+${c[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return textProblems.controlCharacter.create({ field, codePoint }, { field });
  }
  if (loneSurrogate.test(value)) return textProblems.loneSurrogate.create({ field }, { field });
  const length = [...value].length;
  if (length > limit) return textProblems.tooLong.create({ field, max: limit, length }, { field });
  return undefined;
}

/** Checks every string (and object key) in a JSON value; answers the problems, each naming its path. */
export function checkTextTree(value: unknown, path = '', limit = 50): Problem[] {
  const problems: Problem[] = [];
  const walk = (v: unknown, at: string) => {
    if (problems.length >= limit) return;
    if (typeof v === 'string') {
      const p = checkText(v, at || 'value');
      if (p) problems.push(p);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, at ? `${at}.${i}` : String(i)));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const keyProblem = checkText(k, at ? `${at}.${k}` : k, 200);
        if (keyProblem) problems.push(keyProblem);
        walk(item, at ? `${at}.${k}` : k);
      }
    }
  };
  walk(value, path);
  return problems;
}
