/**
 * The worksheet layout of one evaluation sheet, shared by export and import:
 * Japanese labels in column A (locked), values in column B (inputs unlocked),
 * each input row with the content path it reads and writes. Rows that depend
 * on the sheet (contributing projects, logic-model links) carry their code in
 * the label, so an edited or moved row is noticed on import.
 */
import {
  deliveryMethodLabels,
  deliveryMethods,
  findingLabels,
  fundingSourceLabels,
  linkFindings,
  type MeasureLogicModel,
  type SheetContent,
  type TemplateSet,
} from '@mirai/core';

export type Codec =
  | { type: 'text'; optional?: boolean }
  | { type: 'number'; optional?: boolean }
  | { type: 'choice'; options: { code: string; label: string }[]; optional?: boolean }
  | { type: 'list'; options: { code: string; label: string }[] };

export interface LayoutRow {
  row: number;
  label: string;
  /** Content path the input cell(s) map to; absent for read-only rows. */
  path?: string;
  codec?: Codec;
  /** Read-only value shown in column B. */
  value?: string | number | null;
  /** For link rows: the evidence column C maps to this path. */
  evidencePath?: string;
  /** For link rows: the logic-model link the finding answers (findings are matched by link, not position). */
  linkId?: string;
}

export interface SheetLayout {
  title: string;
  rows: LayoutRow[];
  /** Content path → cell address, for placing problems. */
  cells: Map<string, string>;
}

export const basisOptions = [
  { code: 'settlement', label: '決算' },
  { code: 'budget', label: '予算' },
];

export const findingOptions = linkFindings.map((f) => ({ code: f, label: findingLabels[f].ja }));
export const deliveryOptions = deliveryMethods.map((d) => ({ code: d, label: deliveryMethodLabels[d].ja }));

export interface LayoutInput {
  content: SheetContent;
  fiscalYear: number;
  templates: TemplateSet;
  /** Measure sheets: the logic model whose links the findings answer. */
  model?: MeasureLogicModel;
}

export function sheetLayout(input: LayoutInput): SheetLayout {
  const { content, templates } = input;
  const template = templates[content.kind];
  const rows: LayoutRow[] = [];
  const add = (r: Omit<LayoutRow, 'row'>) => rows.push({ ...r, row: rows.length + 3 });
  const ro = (label: string, value: string | number | null | undefined) =>
    add({ label, value: value ?? null });
  const text = (label: string, path: string, optional = false) =>
    add({ label, path, codec: { type: 'text', optional } });
  const num = (label: string, path: string, optional = false) =>
    add({ label, path, codec: { type: 'number', optional } });
  const labelOf = (path: string, fallback: string) =>
    template.fields.find((f) => f.path === path)?.label.ja ?? fallback;
  const scaleOptions = (scaleId: string) =>
    (templates.scales.find((s) => s.id === scaleId)?.levels ?? []).map((l) => ({
      code: l.code,
      label: l.code,
    }));
  ro('評価対象年度', input.fiscalYear);
  if (content.kind === 'project') {
    ro('事業コード', content.projectCode);
    ro('事業名', content.name);
    ro('施策', content.measureCode);
    ro('担当課', content.departmentCode);
    text(labelOf('legalBasis', '根拠法令等'), 'legalBasis', true);
    num('事業開始年度', 'period.startFiscalYear', true);
    num('事業終了年度', 'period.endFiscalYear', true);
    add({
      label: labelOf('delivery', '実施方法'),
      path: 'delivery',
      codec: { type: 'list', options: deliveryOptions },
    });
    text(labelOf('purpose.target', '対象'), 'purpose.target');
    text(labelOf('purpose.intent', '意図'), 'purpose.intent');
    text(labelOf('purpose.means', '手段'), 'purpose.means');
    add({ label: '決算・予算の別', path: 'cost.basis', codec: { type: 'choice', options: basisOptions } });
    for (const key of ['national', 'prefectural', 'bonds', 'other', 'generalRevenue'] as const)
      num(`財源：${fundingSourceLabels[key].ja}`, `cost.funding.${key}`);
    num('事業費（計）', 'cost.declaredProjectCost', true);
    num('人工（人・年）', 'cost.personYears');
    num('平均職員費', 'cost.averageStaffCost');
    num('単位コストの分母（数量）', 'cost.unitQuantity.value', true);
    text('単位コストの分母（単位）', 'cost.unitQuantity.unit', true);
  } else {
    ro(labelOf('measureCode', '施策コード'), content.measureCode);
    ro(labelOf('name', '施策名'), content.name);
    ro(labelOf('fieldCode', '戦略分野'), content.fieldCode);
    ro('担当課', content.departmentCode);
    text(labelOf('desiredState', '施策の目指す姿'), 'desiredState');
    text(labelOf('citizenPerception.note', '市民実感度'), 'citizenPerception.note', true);
    content.contributingProjects.forEach((c, i) =>
      num(`貢献度（%）：${c.projectCode}`, `contributingProjects[${i}].weight`),
    );
  }
  for (const r of template.ratings) {
    add({
      label: r.label.ja,
      path: `ratings.${r.key}`,
      codec: { type: 'choice', options: scaleOptions(r.scaleId), optional: true },
    });
  }
  add({
    label: template.overall.label.ja,
    path: 'overallRating',
    codec: { type: 'choice', options: scaleOptions(template.overall.scaleId), optional: true },
  });
  if (template.directions) {
    add({
      label: '今後の方向性',
      path: 'direction',
      codec: {
        type: 'choice',
        options: template.directions.options.map((o) => ({ code: o.code, label: o.label.ja })),
        optional: true,
      },
    });
  }
  text(labelOf('issues', '課題'), 'issues', true);
  text(
    labelOf('improvements', content.kind === 'project' ? '改革改善案' : '今後の取組方針'),
    'improvements',
    true,
  );
  if (content.kind === 'measure' && input.model) {
    const nodes = new Map(input.model.nodes.map((n) => [n.id, n.label]));
    input.model.links.forEach((l, i) =>
      add({
        label: `道筋 ${l.id}：${nodes.get(l.from) ?? l.from} → ${nodes.get(l.to) ?? l.to}`,
        path: `theoryFindings[${i}].finding`,
        codec: { type: 'choice', options: findingOptions, optional: true },
        evidencePath: `theoryFindings[${i}].evidence`,
        linkId: l.id,
      }),
    );
  }
  ro('所属長コメント', content.comments['section-head'] ?? '');
  ro('企画担当課コメント', content.comments['planning-division'] ?? '');
  ro('行政評価委員会コメント', content.comments.committee ?? '');
  const cells = new Map<string, string>();
  for (const r of rows) {
    if (r.path) cells.set(r.path, `B${r.row}`);
    if (r.evidencePath) cells.set(r.evidencePath, `C${r.row}`);
  }
  return { title: template.name.ja, rows, cells };
}

/** The cell a problem belongs to, from its content path or field. */
export function cellOf(
  layout: SheetLayout,
  where: { path?: string; field?: string } | undefined,
): string | undefined {
  for (const key of [where?.path, where?.field]) {
    if (!key) continue;
    const exact = layout.cells.get(key);
    if (exact) return exact;
    // `theoryFindings[0]` → its finding cell; `cost.funding` → first source.
    for (const [path, cell] of layout.cells)
      if (path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) return cell;
  }
  return undefined;
}
