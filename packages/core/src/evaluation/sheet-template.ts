/**
 * Sheet templates: configuration of the plan saying which fields a sheet has
 * and requires, which ratings on which scales, and the list of future
 * directions. `standardTemplates` is the default, built from the fields typical
 * of Japanese municipal sheets (research §4); it is no municipality's official form.
 */
import type { Problem } from '../errors';
import {
  type Label,
  type RatingScale,
  scaleAtoD,
  scaleOneToFive,
  scaleStoD,
  validateRatingScale,
} from './rating-scale';
import { sheetProblems as P } from './sheet-problems';
import type { SheetKind } from './sheet-types';

export interface FieldSpec {
  /** Dotted path into the sheet content, e.g. `purpose.target`. */
  path: string;
  label: Label;
  required: boolean;
  maxLength?: number;
}

export interface RatingSpec {
  key: string;
  label: Label;
  scaleId: string;
  required: boolean;
}

export interface DirectionOption {
  code: string;
  label: Label;
}

export interface SheetTemplate {
  id: string;
  kind: SheetKind;
  name: Label;
  fields: FieldSpec[];
  ratings: RatingSpec[];
  overall: { label: Label; scaleId: string; required: boolean };
  directions: { options: DirectionOption[]; required: boolean } | null;
  /** Minimum number of indicator references per role. */
  indicators: { activity: number; outcome: number };
}

export interface TemplateSet {
  id: string;
  name: Label;
  /** Money amounts on sheets are in this unit (人件費・事業費 are usually in 千円). */
  moneyUnit: 'yen' | 'thousand-yen';
  scales: RatingScale[];
  project: SheetTemplate;
  measure: SheetTemplate;
  /** True while the template is a sensible default, not a form the city adopted. */
  sample?: boolean;
  note?: Label;
}

/** 拡充 / 継続 / 改善 / 縮小 / 廃止 / 終了. */
export const defaultDirections: DirectionOption[] = [
  { code: 'expand', label: { ja: '拡充', en: 'Expand' } },
  { code: 'continue', label: { ja: '継続', en: 'Continue' } },
  { code: 'improve', label: { ja: '改善', en: 'Improve' } },
  { code: 'reduce', label: { ja: '縮小', en: 'Reduce' } },
  { code: 'abolish', label: { ja: '廃止', en: 'Abolish' } },
  { code: 'end', label: { ja: '終了', en: 'End' } },
];

const f = (path: string, ja: string, en: string, required: boolean, maxLength?: number): FieldSpec =>
  maxLength === undefined
    ? { path, label: { ja, en }, required }
    : { path, label: { ja, en }, required, maxLength };

/** Content paths a template may name, per sheet kind. */
export const knownFieldPaths: Record<SheetKind, readonly string[]> = {
  project: [
    'name',
    'number',
    'measureCode',
    'fieldCode',
    'legalBasis',
    'period',
    'delivery',
    'purpose.target',
    'purpose.intent',
    'purpose.means',
    'issues',
    'improvements',
  ],
  measure: [
    'name',
    'measureCode',
    'fieldCode',
    'desiredState',
    'contributingProjects',
    'citizenPerception',
    'citizenPerception.note',
    'theoryFindings',
    'issues',
    'improvements',
  ],
};

export const standardTemplates: TemplateSet = {
  id: 'standard',
  name: { ja: '行政評価シート（標準）', en: 'Evaluation sheets (default)' },
  moneyUnit: 'thousand-yen',
  scales: [scaleAtoD, scaleStoD, scaleOneToFive],
  sample: true,
  note: {
    ja: '一般的な事務事業評価・施策評価シートの項目による初期設定です。市の様式に合わせて変更してください。',
    en: 'A default from the fields common to municipal sheets; adjust it to the city’s own forms.',
  },
  project: {
    id: 'project-default',
    kind: 'project',
    name: { ja: '事務事業評価シート', en: 'Project evaluation sheet' },
    fields: [
      f('name', '事業名', 'Project name', true, 100),
      f('number', '事業番号', 'Project number', false, 20),
      f('measureCode', '施策', 'Measure', true),
      f('fieldCode', '戦略分野', 'Strategic field', true),
      f('legalBasis', '根拠法令等', 'Legal basis', false, 400),
      f('period', '事業期間', 'Project period', true),
      f('delivery', '実施方法', 'How delivered', true),
      f('purpose.target', '対象（誰・何を）', 'Target group', true, 400),
      f('purpose.intent', '意図（どういう状態にしたいか）', 'Intended state', true, 400),
      f('purpose.means', '手段（事業内容）', 'Means', true, 800),
      f('issues', '課題', 'Issues', true, 800),
      f('improvements', '改革改善案', 'Improvements', false, 800),
    ],
    ratings: [
      { key: 'necessity', label: { ja: '必要性', en: 'Necessity' }, scaleId: '1-5', required: true },
      { key: 'effectiveness', label: { ja: '有効性', en: 'Effectiveness' }, scaleId: '1-5', required: true },
      { key: 'efficiency', label: { ja: '効率性', en: 'Efficiency' }, scaleId: '1-5', required: true },
      {
        key: 'means',
        label: { ja: '手段の適切性', en: 'Appropriateness of means' },
        scaleId: '1-5',
        required: true,
      },
    ],
    overall: { label: { ja: '総合評価', en: 'Overall rating' }, scaleId: 'a-d', required: true },
    directions: { options: defaultDirections, required: true },
    indicators: { activity: 1, outcome: 1 },
  },
  measure: {
    id: 'measure-default',
    kind: 'measure',
    name: { ja: '施策評価シート', en: 'Measure evaluation sheet' },
    fields: [
      f('name', '施策名', 'Measure name', true, 100),
      f('measureCode', '施策コード', 'Measure code', true),
      f('fieldCode', '戦略分野', 'Strategic field', true),
      f('desiredState', '施策の目指す姿', 'Desired state', true, 800),
      f('contributingProjects', '構成事務事業と貢献度', 'Contributing projects', true),
      f('citizenPerception.note', '市民実感度', 'Citizens’ perception', false, 800),
      f('theoryFindings', 'セオリー評価（道筋の検証）', 'Theory-of-change check', false),
      f('issues', '課題', 'Issues', true, 800),
      f('improvements', '今後の取組方針', 'Improvements', false, 800),
    ],
    ratings: [],
    overall: { label: { ja: '総合評価', en: 'Overall rating' }, scaleId: 's-d', required: true },
    directions: { options: defaultDirections, required: false },
    indicators: { activity: 0, outcome: 1 },
  },
};

/** Checks a template set: valid scales, known field paths, no duplicates, every scale reference resolved. */
export function validateTemplateSet(set: TemplateSet): Problem[] {
  const problems: Problem[] = [];
  const scaleIds = new Set<string>();
  set.scales.forEach((s, i) => {
    if (scaleIds.has(s.id))
      problems.push(P.scaleInvalid.create({ scale: s.id, reason: 'duplicate id' }, { path: `scales[${i}]` }));
    scaleIds.add(s.id);
    problems.push(...validateRatingScale(s, `scales[${i}]`));
  });
  for (const kind of ['project', 'measure'] as const) {
    const t = set[kind];
    if (t.kind !== kind)
      problems.push(P.sheetKindMismatch.create({ sheet: kind, template: t.kind }, { path: kind }));
    const paths = new Set<string>();
    t.fields.forEach((field, i) => {
      const where = { path: `${kind}.fields[${i}]`, field: field.path };
      if (!knownFieldPaths[kind].includes(field.path)) {
        problems.push(
          P.templateInvalid.create({ template: t.id, reason: `unknown field ${field.path}` }, where),
        );
      } else if (paths.has(field.path)) {
        problems.push(
          P.templateInvalid.create({ template: t.id, reason: `field ${field.path} listed twice` }, where),
        );
      }
      paths.add(field.path);
    });
    const keys = new Set<string>();
    const refs: [string, string][] = [
      ...t.ratings.map((r, i): [string, string] => [r.scaleId, `${kind}.ratings[${i}]`]),
      [t.overall.scaleId, `${kind}.overall`],
    ];
    t.ratings.forEach((r, i) => {
      if (keys.has(r.key)) {
        const reason = `rating ${r.key} listed twice`;
        problems.push(
          P.templateInvalid.create({ template: t.id, reason }, { path: `${kind}.ratings[${i}]` }),
        );
      }
      keys.add(r.key);
    });
    for (const [scale, path] of refs)
      if (!scaleIds.has(scale)) problems.push(P.scaleUnknown.create({ scale }, { path }));
    const codes = new Set<string>();
    t.directions?.options.forEach((o, i) => {
      if (codes.has(o.code) || o.code.trim() === '') {
        const reason = `direction code "${o.code}" empty or listed twice`;
        problems.push(
          P.templateInvalid.create({ template: t.id, reason }, { path: `${kind}.directions.options[${i}]` }),
        );
      }
      codes.add(o.code);
    });
  }
  return problems;
}
