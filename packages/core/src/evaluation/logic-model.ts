/**
 * Validation of a measure's logic model: unique ids, links between existing
 * nodes running forward (input → activity → output → outcome → desired state;
 * outcome → outcome allowed for short- to long-term outcomes), no cycles, a
 * desired state; nodes without links are warnings.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { theoryProblems as T } from './theory-problems';
import { type LogicNodeKind, logicNodeKinds, type MeasureLogicModel } from './theory-types';

const rank = (k: LogicNodeKind) => logicNodeKinds.indexOf(k);

function forward(from: LogicNodeKind, to: LogicNodeKind): boolean {
  return rank(from) < rank(to) || (from === 'outcome' && to === 'outcome');
}

export function validateLogicModel(model: MeasureLogicModel): Result<MeasureLogicModel> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const nodes = new Map<string, MeasureLogicModel['nodes'][number]>();
  model.nodes.forEach((n, index) => {
    if (nodes.has(n.id))
      problems.push(T.nodeDuplicate.create({ id: n.id }, { path: `nodes[${index}].id`, index }));
    else nodes.set(n.id, n);
  });
  if (!model.nodes.some((n) => n.kind === 'desired-state'))
    problems.push(T.noDesiredState.create({}, { field: 'nodes' }));
  const linkIds = new Set<string>();
  const pairs = new Set<string>();
  const out = new Map<string, string[]>();
  const linked = new Set<string>();
  model.links.forEach((l, index) => {
    const where = { path: `links[${index}]`, index };
    const pair = `${l.from}\u0000${l.to}`;
    if (linkIds.has(l.id) || pairs.has(pair)) problems.push(T.linkDuplicate.create({ id: l.id }, where));
    linkIds.add(l.id);
    pairs.add(pair);
    const from = nodes.get(l.from);
    const to = nodes.get(l.to);
    if (!from) problems.push(T.linkDangling.create({ linkId: l.id, node: l.from }, where));
    if (!to) problems.push(T.linkDangling.create({ linkId: l.id, node: l.to }, where));
    if (!from || !to) return;
    if (!forward(from.kind, to.kind))
      problems.push(T.linkBackward.create({ linkId: l.id, from: from.kind, to: to.kind }, where));
    out.set(l.from, [...(out.get(l.from) ?? []), l.to]);
    linked.add(l.from);
    linked.add(l.to);
  });
  const cycle = findCycle([...nodes.keys()], out);
  if (cycle) problems.push(T.cycle.create({ nodes: cycle.join(' → ') }, { field: 'links' }));
  model.nodes.forEach((n, index) => {
    if (!linked.has(n.id) && model.nodes.length > 1) {
      warnings.push(T.nodeUnlinked.create({ id: n.id }, { path: `nodes[${index}]`, index }, 'warning'));
    }
  });
  if (problems.length > 0) return fail(problems);
  return ok(model, warnings);
}

/** A cycle as a list of node ids (first repeated at the end), or undefined. */
function findCycle(ids: string[], out: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 1);
    stack.push(id);
    for (const next of out.get(id) ?? []) {
      if (state.get(next) === 1) return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const id of ids) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return undefined;
}
