/**
 * What a round takes from the plan document: the measures of the phase that
 * contains the evaluated year, the projects of that year's implementation
 * plan, the department answering for each sheet, the indicator references,
 * the logic model of each measure, and the first (draft) content of each sheet.
 */
import type {
  IndicatorRef,
  MeasureLogicModel,
  MeasureSheetContent,
  PlanDocument,
  ProjectSheetContent,
  RoundScope,
  SheetContent,
} from '@mirai/core';

type Measure = PlanDocument['measures'][number];
type Project = PlanDocument['implementationPlans'][number]['projects'][number];

export function projectsOfYear(doc: PlanDocument, fiscalYear: number): Project[] {
  const plans = doc.implementationPlans.filter((p) => p.fiscalYear <= fiscalYear);
  // The latest implementation plan up to the year is the one in force.
  const latest = plans.sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  return latest ? latest.projects : [];
}

export function measuresOfYear(doc: PlanDocument, fiscalYear: number): Measure[] {
  const phase = doc.phases.find((p) => p.startFiscalYear <= fiscalYear && fiscalYear <= p.endFiscalYear);
  return phase ? doc.measures.filter((m) => m.phase === phase.number) : [];
}

/** Default scope: every measure of the year's phase and every project of the year. */
export function defaultScope(doc: PlanDocument, fiscalYear: number): RoundScope {
  return {
    measureCodes: measuresOfYear(doc, fiscalYear).map((m) => m.code),
    projectCodes: projectsOfYear(doc, fiscalYear).map((p) => p.code),
  };
}

/** The planning division's department code: one named *PLANNING*, else the first department. */
export function planningDepartment(doc: PlanDocument): string {
  return (
    doc.departments.find((d) => /PLANNING/i.test(d.code))?.code ?? doc.departments[0]?.code ?? 'PLANNING'
  );
}

/** A measure sheet belongs to the department of its first project; without projects, the planning division. */
export function measureDepartment(
  doc: PlanDocument,
  measureCode: string,
  projects: readonly Project[],
): string {
  return projects.find((p) => p.measure === measureCode)?.department ?? planningDepartment(doc);
}

function indicatorRefs(
  doc: PlanDocument,
  serves: readonly string[],
  role: IndicatorRef['role'],
): IndicatorRef[] {
  return doc.indicators.filter((i) => serves.includes(i.serves)).map((i) => ({ code: i.code, role }));
}

/**
 * A measure's logic model from the plan's summary (lists of text): one node
 * per entry, every node linked to every node of the next non-empty stage, the
 * field's desired state last. Outcome nodes carry the measure's indicators,
 * activity and output nodes its projects', the desired state the field's.
 */
export function logicModelOf(
  doc: PlanDocument,
  measure: Measure,
  projects: readonly Project[],
): MeasureLogicModel {
  const lm = measure.logicModel;
  const field = doc.fields.find((f) => f.code === measure.field);
  const projectCodes = projects.filter((p) => p.measure === measure.code).map((p) => p.code);
  const codesServing = (serves: readonly string[]) =>
    doc.indicators.filter((i) => serves.includes(i.serves)).map((i) => i.code);
  const stages: {
    kind: MeasureLogicModel['nodes'][number]['kind'];
    prefix: string;
    items: string[];
    codes: string[];
  }[] = [
    { kind: 'input', prefix: 'in', items: (lm?.inputs ?? []).map((t) => t.ja), codes: [] },
    {
      kind: 'activity',
      prefix: 'act',
      items: (lm?.activities ?? []).map((t) => t.ja),
      codes: codesServing(projectCodes),
    },
    {
      kind: 'output',
      prefix: 'out',
      items: (lm?.outputs ?? []).map((t) => t.ja),
      codes: codesServing(projectCodes),
    },
    {
      kind: 'outcome',
      prefix: 'oc',
      items: (lm?.outcomes ?? []).map((t) => t.ja),
      codes: codesServing([measure.code]),
    },
    {
      kind: 'desired-state',
      prefix: 'ds',
      items: [field?.desiredState?.ja ?? measure.name.ja],
      codes: codesServing([measure.field]),
    },
  ];
  const nodes: MeasureLogicModel['nodes'] = [];
  const links: MeasureLogicModel['links'] = [];
  let previous: string[] = [];
  for (const stage of stages) {
    if (stage.items.length === 0) continue;
    const ids = stage.items.map((label, i) => {
      const id = `${stage.prefix}${i + 1}`;
      nodes.push({ id, kind: stage.kind, label, indicatorCodes: stage.codes });
      return id;
    });
    for (const from of previous) for (const to of ids) links.push({ id: `${from}>${to}`, from, to });
    previous = ids;
  }
  return { measureCode: measure.code, nodes, links };
}

export function initialProjectContent(doc: PlanDocument, project: Project): ProjectSheetContent {
  const measure = doc.measures.find((m) => m.code === project.measure);
  return {
    kind: 'project',
    projectCode: project.code,
    name: project.name.ja,
    departmentCode: project.department,
    fieldCode: measure?.field ?? '',
    measureCode: project.measure,
    indicators: [
      ...indicatorRefs(doc, [project.code], 'activity'),
      ...indicatorRefs(doc, [project.measure], 'outcome'),
    ],
    ratings: {},
    comments: {},
    delivery: [],
    purpose: { target: '', intent: '', means: '' },
    cost: {
      basis: 'settlement',
      funding: { national: 0, prefectural: 0, bonds: 0, other: 0, generalRevenue: 0 },
      personYears: 0,
      averageStaffCost: 0,
    },
  };
}

export function initialMeasureContent(
  doc: PlanDocument,
  measure: Measure,
  projects: readonly Project[],
): MeasureSheetContent {
  const own = projects.filter((p) => p.measure === measure.code);
  // Equal contribution weights to start with (whole percents, the remainder on the first).
  const share = own.length > 0 ? Math.floor(100 / own.length) : 0;
  return {
    kind: 'measure',
    measureCode: measure.code,
    name: measure.name.ja,
    departmentCode: measureDepartment(doc, measure.code, projects),
    fieldCode: measure.field,
    indicators: indicatorRefs(doc, [measure.code], 'outcome'),
    ratings: {},
    comments: {},
    desiredState: '',
    contributingProjects: own.map((p, i) => ({
      projectCode: p.code,
      weight: share + (i === 0 ? 100 - share * own.length : 0),
    })),
    theoryFindings: [],
  };
}

/** The indicator references the plan gives a sheet (what a clerk may not remove). */
export function planIndicatorRefs(doc: PlanDocument, content: SheetContent): IndicatorRef[] {
  if (content.kind === 'measure') return indicatorRefs(doc, [content.measureCode], 'outcome');
  return [
    ...indicatorRefs(doc, [content.projectCode], 'activity'),
    ...indicatorRefs(doc, [content.measureCode], 'outcome'),
  ];
}
