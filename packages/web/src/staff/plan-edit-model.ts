/**
 * The plan structure editor's pure part: changing the document at a path
 * (`measures[2].name.ja`), the checks run as you type (required text, code
 * shape, and the core's plan rules — the same the server runs), matching
 * problems to the inputs they name, and a new measure's defaults.
 */
import { type Measure, type PlanDocument, validatePlanRules } from '@mirai/core';

export interface EditProblem {
  code: string;
  message: { ja: string; en: string };
  /** The document path the problem names (`fields[0].desiredState.ja`), '' when none. */
  path: string;
}

type Segment = string | number;

export function pathSegments(path: string): Segment[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] as string),
  );
}

/** A copy of the document with the value at the path replaced (an empty English text is removed). */
export function setAt(doc: PlanDocument, path: string, value: unknown): PlanDocument {
  const segs = pathSegments(path);
  const put = (node: unknown, i: number): unknown => {
    const seg = segs[i];
    if (seg === undefined) return value;
    if (Array.isArray(node)) {
      const copy = [...node];
      copy[seg as number] = put(node[seg as number], i + 1);
      return copy;
    }
    const obj = { ...(node as Record<string, unknown>) };
    const next = put(obj[seg as string], i + 1);
    if (i === segs.length - 1 && seg === 'en' && value === '') delete obj[seg];
    else obj[seg as string] = next;
    return obj;
  };
  return put(doc, 0) as PlanDocument;
}

/** The value at a path, or undefined. */
export function getAt(doc: unknown, path: string): unknown {
  let node = doc;
  for (const seg of pathSegments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** The HTML id of the input editing a path. */
export const inputId = (path: string) => `pe-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** The problems an input at `path` shows: those naming it or something inside it. */
export function problemsAt(problems: readonly EditProblem[], path: string): EditProblem[] {
  return problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
  );
}

const codePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const required = (path: string): EditProblem => ({
  code: 'plan/invalid-shape',
  message: { ja: '入力してください（日本語は必須です）', en: 'Required (the Japanese text)' },
  path,
});

/** Everything checked as you type: required Japanese text, code shape, and the plan rules. */
export function localProblems(doc: PlanDocument): EditProblem[] {
  const problems: EditProblem[] = [];
  const need = (text: { ja: string } | undefined, path: string) => {
    if (!text || text.ja.trim() === '') problems.push(required(`${path}.ja`));
  };
  doc.strategies.forEach((s, i) => {
    need(s.name, `strategies[${i}].name`);
    if (s.promise) need(s.promise, `strategies[${i}].promise`);
  });
  doc.fields.forEach((f, i) => {
    need(f.name, `fields[${i}].name`);
    if (f.desiredState) need(f.desiredState, `fields[${i}].desiredState`);
  });
  doc.measures.forEach((m, i) => {
    if (!codePattern.test(m.code))
      problems.push({
        code: 'plan/invalid-shape',
        message: {
          ja: 'コードは英数字・ハイフン・下線だけで、英数字から始めてください',
          en: 'Letters, digits, - and _ only, starting with a letter or digit',
        },
        path: `measures[${i}].code`,
      });
    need(m.name, `measures[${i}].name`);
  });
  for (const p of validatePlanRules(doc))
    problems.push({ code: p.code, message: p.message, path: p.where?.path ?? '' });
  return problems;
}

/** Problems of an API error body, with their paths. */
export function problemsOfAnswer(body: unknown): EditProblem[] {
  type Raw = { code: string; message: EditProblem['message']; where?: { path?: string } };
  const e = (body as { error?: Raw & { details?: { where?: Raw['where']; problems?: Raw[] } } } | null)
    ?.error;
  if (!e) return [];
  const raw: Raw[] = e.details?.problems?.length
    ? e.details.problems
    : [{ code: e.code, message: e.message, ...(e.details?.where ? { where: e.details.where } : {}) }];
  return raw.map((p) => ({ code: p.code, message: p.message, path: p.where?.path ?? '' }));
}

/** A new measure in a field: the next free code `<field>-Mnn`, the first phase, the whole city. */
export function newMeasure(doc: PlanDocument, fieldCode: string): Measure {
  const taken = new Set(doc.measures.map((m) => m.code));
  let n = 1;
  while (taken.has(`${fieldCode}-M${String(n).padStart(2, '0')}`)) n++;
  const city = doc.areas.find((a) => a.layer === 'city');
  const phase = [...doc.phases].sort((a, b) => a.number - b.number)[0]?.number ?? 1;
  return {
    code: `${fieldCode}-M${String(n).padStart(2, '0')}`,
    field: fieldCode,
    phase,
    name: { ja: '' },
    promotionPeriod: 'short',
    targetAreas: city ? [city.code] : [],
  };
}

/** What refers to a measure (projects and indicators), shown before it is removed. */
export function measureLinks(doc: PlanDocument, code: string): { projects: number; indicators: number } {
  return {
    projects: doc.implementationPlans.reduce(
      (n, ip) => n + ip.projects.filter((p) => p.measure === code).length,
      0,
    ),
    indicators: doc.indicators.filter((i) => i.serves === code).length,
  };
}
