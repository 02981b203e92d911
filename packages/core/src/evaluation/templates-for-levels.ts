/**
 * The default evaluation sheets in the plan's own words: the labels that name
 * a plan level (the field, the measure, the project and their names) and the
 * sheets' titles take the plan's `levelNames` (e.g. 政策 instead of 戦略分野).
 */
import type { LevelName, LevelNames } from '../plan/plan-types';
import { type FieldSpec, type SheetTemplate, standardTemplates, type TemplateSet } from './sheet-template';

const en = (n: LevelName) => n.en ?? n.ja;

function relabel(t: SheetTemplate, labels: Record<string, { ja: string; en: string }>): SheetTemplate {
  return {
    ...t,
    fields: t.fields.map((f): FieldSpec => {
      const label = labels[f.path];
      return label ? { ...f, label } : f;
    }),
  };
}

/** The default template set, relabelled with the plan's level names. */
export function defaultTemplatesFor(levels: LevelNames, base: TemplateSet = standardTemplates): TemplateSet {
  const { field, measure, project } = levels;
  return {
    ...base,
    project: {
      ...relabel(base.project, {
        name: { ja: `${project.ja}名`, en: `${en(project)} name` },
        number: { ja: `${project.ja}番号`, en: `${en(project)} number` },
        measureCode: { ja: measure.ja, en: en(measure) },
        fieldCode: { ja: field.ja, en: en(field) },
      }),
      name: { ja: `${project.ja}評価シート`, en: `${en(project)} evaluation sheet` },
    },
    measure: {
      ...relabel(base.measure, {
        name: { ja: `${measure.ja}名`, en: `${en(measure)} name` },
        measureCode: { ja: `${measure.ja}コード`, en: `${en(measure)} code` },
        fieldCode: { ja: field.ja, en: en(field) },
        desiredState: { ja: `${measure.ja}の目指す姿`, en: 'Desired state' },
        contributingProjects: { ja: `構成${project.ja}と貢献度`, en: `Contributing ${en(project)}` },
      }),
      name: { ja: `${measure.ja}評価シート`, en: `${en(measure)} evaluation sheet` },
    },
  };
}
