/**
 * The plan as a tree for reading: strategies → fields → measures → projects,
 * each node carrying the indicators that serve it.
 */
import { levelNamesOf } from './plan-levels';
import type {
  Field,
  IndicatorDefinition,
  LevelNames,
  Measure,
  PlanDocument,
  Project,
  Strategy,
} from './plan-types';

export interface ProjectNode extends Project {
  fiscalYear: number;
  indicators: IndicatorDefinition[];
}
export interface MeasureNode extends Measure {
  indicators: IndicatorDefinition[];
  projects: ProjectNode[];
}
export interface FieldNode extends Field {
  indicators: IndicatorDefinition[];
  measures: MeasureNode[];
}
export interface StrategyNode extends Omit<Strategy, never> {
  indicators: IndicatorDefinition[];
  fields: FieldNode[];
}
export interface PlanTree {
  municipality: PlanDocument['municipality'];
  plan: PlanDocument['plan'];
  /** The plan's names for its levels, every level filled. */
  levelNames: LevelNames;
  vision?: PlanDocument['vision'];
  brand?: PlanDocument['brand'];
  administration?: PlanDocument['administration'];
  topIndicators: IndicatorDefinition[];
  phases: PlanDocument['phases'];
  strategies: StrategyNode[];
  areas: PlanDocument['areas'];
  partners: PlanDocument['partners'];
  departments: PlanDocument['departments'];
}

export function buildPlanTree(doc: PlanDocument): PlanTree {
  const serving = (code: string) => doc.indicators.filter((i) => i.serves === code);
  const projects = doc.implementationPlans.flatMap((ip) =>
    ip.projects.map((p): ProjectNode => ({ ...p, fiscalYear: ip.fiscalYear, indicators: serving(p.code) })),
  );
  const measureNode = (m: Measure): MeasureNode => ({
    ...m,
    indicators: serving(m.code),
    projects: projects.filter((p) => p.measure === m.code),
  });
  const fieldNode = (f: Field): FieldNode => ({
    ...f,
    indicators: serving(f.code),
    measures: doc.measures.filter((m) => m.field === f.code).map(measureNode),
  });
  const byCode = new Map(doc.indicators.map((i) => [i.code, i]));
  const tree: PlanTree = {
    municipality: doc.municipality,
    plan: doc.plan,
    levelNames: levelNamesOf(doc),
    topIndicators: doc.topIndicators.flatMap((c) => byCode.get(c) ?? []),
    phases: doc.phases,
    strategies: doc.strategies.map((s) => ({
      ...s,
      indicators: serving(s.code),
      fields: doc.fields
        .filter((f) => f.strategy === s.code)
        .sort((a, b) => a.number - b.number)
        .map(fieldNode),
    })),
    areas: doc.areas,
    partners: doc.partners,
    departments: doc.departments,
  };
  if (doc.vision) tree.vision = doc.vision;
  // The brand as the public sees it: internal notes (e.g. "to be entered by the city") stay out.
  if (doc.brand) {
    const { note: _internal, ...brand } = doc.brand;
    tree.brand = brand;
  }
  if (doc.administration) tree.administration = doc.administration;
  return tree;
}

/** The field with its strategy, measures and indicators, or undefined. */
export function findField(
  doc: PlanDocument,
  code: string,
): (FieldNode & { strategyName: Strategy['name'] }) | undefined {
  const tree = buildPlanTree(doc);
  for (const s of tree.strategies) {
    const f = s.fields.find((x) => x.code === code);
    if (f) return { ...f, strategyName: s.name };
  }
  return undefined;
}
