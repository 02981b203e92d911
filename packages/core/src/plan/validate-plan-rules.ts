/**
 * The plan's domain rules beyond its shape: codes unique and resolvable,
 * every field inside a strategy, no cycles, fiscal years inside the plan,
 * phases that tile the plan's span. Returns every problem at once.
 */
import type { Problem } from '../errors';
import { levelNamesOf } from './plan-levels';
import { planProblems } from './plan-problems';
import type { PlanDocument } from './plan-types';

export function validatePlanRules(doc: PlanDocument): Problem[] {
  const problems: Problem[] = [];
  const levels = levelNamesOf(doc);
  const { startFiscalYear: start, endFiscalYear: end } = doc.plan;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start <= end)) {
    problems.push(planProblems.invalidSpan.create({ start, end }, { path: 'plan.startFiscalYear' }));
  }

  // Every code is unique across the whole plan, so files and URLs round-trip.
  const codes = new Map<string, { kind: string; path: string }>();
  const register = (kind: string, code: string, path: string) => {
    const first = codes.get(code);
    if (first) problems.push(planProblems.duplicateCode.create({ code, firstPath: first.path }, { path }));
    else codes.set(code, { kind, path });
  };
  doc.strategies.forEach((s, i) => register('strategy', s.code, `strategies[${i}].code`));
  doc.fields.forEach((f, i) => register('field', f.code, `fields[${i}].code`));
  doc.measures.forEach((m, i) => register('measure', m.code, `measures[${i}].code`));
  doc.implementationPlans.forEach((ip, i) =>
    ip.projects.forEach((p, j) =>
      register('project', p.code, `implementationPlans[${i}].projects[${j}].code`),
    ),
  );
  doc.indicators.forEach((x, i) => register('indicator', x.code, `indicators[${i}].code`));
  doc.areas.forEach((a, i) => register('area', a.code, `areas[${i}].code`));
  doc.partners.forEach((p, i) => register('partner', p.code, `partners[${i}].code`));
  doc.departments.forEach((d, i) => register('department', d.code, `departments[${i}].code`));

  const expect = (code: string, kinds: string[], path: string) => {
    const found = codes.get(code);
    if (!found || !kinds.includes(found.kind)) {
      problems.push(planProblems.unknownCode.create({ code, expected: kinds.join('/') }, { path }));
    }
  };
  const strategyCodes = new Set(doc.strategies.map((s) => s.code));
  doc.fields.forEach((f, i) => {
    if (!strategyCodes.has(f.strategy)) {
      problems.push(
        planProblems.fieldOutsideStrategy.create(
          { code: f.code, strategy: f.strategy, levels },
          { path: `fields[${i}].strategy` },
        ),
      );
    }
  });
  doc.topIndicators.forEach((c, i) => expect(c, ['indicator'], `topIndicators[${i}]`));
  doc.areas.forEach((a, i) => {
    if (a.parent !== undefined) expect(a.parent, ['area'], `areas[${i}].parent`);
    a.shares?.forEach((s, j) => expect(s.area, ['area'], `areas[${i}].shares[${j}].area`));
    const total = a.shares?.reduce((t, s) => t + s.share, 0);
    if (total !== undefined && Math.abs(total - 1) > 1e-6)
      problems.push(
        planProblems.areaSharesNotOne.create({ code: a.code, total }, { path: `areas[${i}].shares` }),
      );
  });
  doc.brand?.assets.forEach((b, i) => {
    b.fields?.forEach((c, j) => expect(c, ['field'], `brand.assets[${i}].fields[${j}]`));
    b.measures?.forEach((c, j) => expect(c, ['measure'], `brand.assets[${i}].measures[${j}]`));
    b.indicators?.forEach((c, j) => expect(c, ['indicator'], `brand.assets[${i}].indicators[${j}]`));
  });
  doc.partners.forEach((p, i) =>
    p.areas?.forEach((a, j) => expect(a, ['area'], `partners[${i}].areas[${j}]`)),
  );

  const phases = new Map(doc.phases.map((p) => [p.number, p]));
  const inPlan = (fy: number, path: string) => {
    if (fy < start || fy > end)
      problems.push(planProblems.fiscalYearOutsidePlan.create({ fiscalYear: fy, start, end }, { path }));
  };
  const sortedPhases = [...doc.phases].sort((a, b) => a.startFiscalYear - b.startFiscalYear);
  sortedPhases.forEach((p, i) => {
    const idx = doc.phases.indexOf(p);
    inPlan(p.startFiscalYear, `phases[${idx}].startFiscalYear`);
    inPlan(p.endFiscalYear, `phases[${idx}].endFiscalYear`);
    const next = sortedPhases[i + 1];
    if (next && next.startFiscalYear !== p.endFiscalYear + 1) {
      problems.push(
        planProblems.phaseOverlap.create(
          { a: p.number, b: next.number, levels },
          { path: `phases[${idx}].endFiscalYear` },
        ),
      );
    }
  });
  // Phases of any length, but together they tile the plan from its first year to its last.
  const first = sortedPhases[0];
  const last = sortedPhases[sortedPhases.length - 1];
  if (first && last && (first.startFiscalYear !== start || last.endFiscalYear !== end)) {
    problems.push(planProblems.phasesNotTiling.create({ start, end, levels }, { path: 'phases' }));
  }

  doc.measures.forEach((m, i) => {
    expect(m.field, ['field'], `measures[${i}].field`);
    if (!phases.has(m.phase))
      problems.push(
        planProblems.unknownPhase.create({ phase: m.phase, levels }, { path: `measures[${i}].phase` }),
      );
    m.targetAreas.forEach((a, j) => expect(a, ['area'], `measures[${i}].targetAreas[${j}]`));
    m.partners?.forEach((p, j) => expect(p, ['partner'], `measures[${i}].partners[${j}]`));
    if (m.derivedFrom !== undefined) expect(m.derivedFrom, ['measure'], `measures[${i}].derivedFrom`);
  });

  const measures = new Map(doc.measures.map((m) => [m.code, m]));
  doc.implementationPlans.forEach((ip, i) => {
    inPlan(ip.fiscalYear, `implementationPlans[${i}].fiscalYear`);
    ip.projects.forEach((p, j) => {
      const path = `implementationPlans[${i}].projects[${j}]`;
      expect(p.measure, ['measure'], `${path}.measure`);
      expect(p.department, ['department'], `${path}.department`);
      const phase = phases.get(measures.get(p.measure)?.phase ?? -1);
      if (phase && (ip.fiscalYear < phase.startFiscalYear || ip.fiscalYear > phase.endFiscalYear)) {
        problems.push(
          planProblems.projectOutsidePhase.create(
            { code: p.code, fiscalYear: ip.fiscalYear, measure: p.measure, levels },
            { path: `implementationPlans[${i}].fiscalYear` },
          ),
        );
      }
    });
  });

  doc.indicators.forEach((x, i) => {
    if (x.serves !== 'plan')
      expect(x.serves, ['strategy', 'field', 'measure', 'project'], `indicators[${i}].serves`);
    x.areas?.forEach((a, j) => expect(a, ['area'], `indicators[${i}].areas[${j}]`));
    if (x.ownerDepartment !== undefined)
      expect(x.ownerDepartment, ['department'], `indicators[${i}].ownerDepartment`);
    x.targets.forEach((t, j) => inPlan(t.fiscalYear, `indicators[${i}].targets[${j}].fiscalYear`));
    if (x.finalTarget) inPlan(x.finalTarget.fiscalYear, `indicators[${i}].finalTarget.fiscalYear`);
  });

  problems.push(
    ...findCycles(
      doc.areas.map((a) => [a.code, a.parent]),
      'areas',
      'parent',
    ),
  );
  problems.push(
    ...findCycles(
      doc.measures.map((m) => [m.code, m.derivedFrom]),
      'measures',
      'derivedFrom',
    ),
  );
  return problems;
}

/** Reports each cycle in a parent relation once. */
function findCycles(edges: [string, string | undefined][], list: string, key: string): Problem[] {
  const parent = new Map(edges);
  const index = new Map(edges.map(([c], i) => [c, i]));
  const reported = new Set<string>();
  const problems: Problem[] = [];
  for (const [code] of edges) {
    const seen: string[] = [];
    let cur: string | undefined = code;
    while (cur !== undefined && !seen.includes(cur)) {
      seen.push(cur);
      cur = parent.get(cur);
    }
    if (cur === undefined) continue;
    const cycle = seen.slice(seen.indexOf(cur));
    const id = [...cycle].sort().join('|');
    if (reported.has(id)) continue;
    reported.add(id);
    problems.push(
      planProblems.cycle.create({ codes: [...cycle, cur] }, { path: `${list}[${index.get(cur)}].${key}` }),
    );
  }
  return problems;
}
