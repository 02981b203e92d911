import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenLinks } from './broken-links';
import { validateLogicModel } from './logic-model';
import { indicatorMovement, nodeMovement, suggestFinding, theoryCheck } from './theory-check';
import type { MeasureLogicModel, Movement } from './theory-types';

// An illustrative logic model (sample).
const model = (): MeasureLogicModel => ({
  measureCode: 'M1-01',
  nodes: [
    { id: 'in', kind: 'input', label: '予算・職員', indicatorCodes: [] },
    { id: 'act', kind: 'activity', label: '相談窓口の運営', indicatorCodes: ['I-A1'] },
    { id: 'out', kind: 'output', label: '相談の利用', indicatorCodes: ['I-A2'] },
    { id: 'oc', kind: 'outcome', label: '孤立感の減少', indicatorCodes: ['I-O1', 'I-O2'] },
    { id: 'ds', kind: 'desired-state', label: '安心して子育てできる', indicatorCodes: ['I-T'] },
  ],
  links: [
    { id: 'L0', from: 'in', to: 'act' },
    { id: 'L1', from: 'act', to: 'out', assumption: '窓口を開けば利用される' },
    { id: 'L2', from: 'out', to: 'oc' },
    { id: 'L3', from: 'oc', to: 'ds' },
  ],
});

describe('validateLogicModel', () => {
  it('accepts a forward chain', () => {
    expect(validateLogicModel(model())).toEqual({ ok: true, value: model() });
  });

  it('lists duplicates, dangling, backward links, cycles and a missing desired state', () => {
    const m = model();
    m.nodes = m.nodes.filter((n) => n.id !== 'ds');
    m.nodes.push({ id: 'act', kind: 'activity', label: 'dup', indicatorCodes: [] });
    m.nodes.push({ id: 'oc2', kind: 'outcome', label: '長期', indicatorCodes: [] });
    m.links.push({ id: 'L4', from: 'oc', to: 'act' });
    m.links.push({ id: 'L5', from: 'oc', to: 'oc2' });
    m.links.push({ id: 'L6', from: 'oc2', to: 'oc' });
    m.links.push({ id: 'L1', from: 'in', to: 'out' });
    const r = validateLogicModel(m);
    expect(!r.ok && r.problems.map((p) => `${p.code}@${p.where?.path ?? p.where?.field}`)).toEqual([
      'evaluation/logic-node-duplicate@nodes[4].id',
      'evaluation/logic-no-desired-state@nodes',
      'evaluation/logic-link-dangling@links[3]',
      'evaluation/logic-link-backward@links[4]',
      'evaluation/logic-link-duplicate@links[7]',
      'evaluation/logic-cycle@links',
    ]);
  });

  it('finds a cycle in any ring of outcomes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), (n) => {
        const ids = Array.from({ length: n }, (_, i) => `o${i}`);
        const m: MeasureLogicModel = {
          measureCode: 'M',
          nodes: [
            ...ids.map((id) => ({ id, kind: 'outcome' as const, label: id, indicatorCodes: [] })),
            { id: 'ds', kind: 'desired-state', label: '', indicatorCodes: [] },
          ],
          links: [
            ...ids.map((id, i) => ({ id: `l${i}`, from: id, to: ids[(i + 1) % n]! })),
            { id: 'end', from: 'o0', to: 'ds' },
          ],
        };
        const r = validateLogicModel(m);
        expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['evaluation/logic-cycle']);
        m.links.splice(n - 1, 1); // break the ring
        expect(validateLogicModel(m).ok).toBe(true);
      }),
    );
  });

  it('warns about unlinked nodes', () => {
    const m = model();
    m.nodes.push({ id: 'lonely', kind: 'output', label: '', indicatorCodes: [] });
    const r = validateLogicModel(m);
    expect(r.ok && r.warnings?.map((w) => w.code)).toEqual(['evaluation/logic-node-unlinked']);
  });
});

describe('indicator movement and suggested findings', () => {
  it('reads movement by direction with a tolerance', () => {
    const up = { code: 'x', direction: 'higher-is-better' as const };
    expect(indicatorMovement({ ...up, previous: 100, current: 105 })).toBe('improving');
    expect(indicatorMovement({ ...up, previous: 100, current: 100.5 })).toBe('flat');
    expect(indicatorMovement({ ...up, previous: 50, current: 52 }, { absolute: 3 })).toBe('flat');
    expect(indicatorMovement({ ...up, previous: 50, current: 46 }, { absolute: 3 })).toBe('worsening');
    expect(indicatorMovement({ code: 'y', direction: 'lower-is-better', previous: 20, current: 10 })).toBe(
      'improving',
    );
    expect(indicatorMovement({ ...up, previous: null, current: 1 })).toBe('unknown');
    const band = { code: 'b', direction: 'within-band' as const, band: { lower: 40, upper: 60 } };
    expect(indicatorMovement({ ...band, previous: 30, current: 45 })).toBe('improving');
    expect(indicatorMovement({ ...band, previous: 50, current: 70 })).toBe('worsening');
    expect(indicatorMovement({ ...band, previous: 45, current: 55 })).toBe('flat');
  });

  it('reverses movement when the direction is reversed', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b) => {
          const hi = indicatorMovement({ code: 'x', direction: 'higher-is-better', previous: a, current: b });
          const lo = indicatorMovement({ code: 'x', direction: 'lower-is-better', previous: a, current: b });
          const flip: Record<string, string> = {
            improving: 'worsening',
            worsening: 'improving',
            flat: 'flat',
          };
          expect(lo).toBe(flip[hi]);
        },
      ),
    );
  });

  it('aggregates a node', () => {
    const m = new Map<string, Movement>([
      ['a', 'improving'],
      ['b', 'improving'],
      ['c', 'worsening'],
    ]);
    expect(nodeMovement({ indicatorCodes: ['a', 'b', 'z'] }, m)).toBe('improving');
    expect(nodeMovement({ indicatorCodes: ['a', 'c'] }, m)).toBe('mixed');
    expect(nodeMovement({ indicatorCodes: [] }, m)).toBe('unknown');
  });

  it('suggests a finding for every pair of movements', () => {
    const all: Movement[] = ['improving', 'flat', 'worsening', 'mixed', 'unknown'];
    const table: Record<Movement, Record<Movement, string>> = {
      improving: {
        improving: 'held',
        mixed: 'partly',
        flat: 'not-held',
        worsening: 'not-held',
        unknown: 'unknown',
      },
      mixed: {
        improving: 'partly',
        mixed: 'partly',
        flat: 'not-held',
        worsening: 'not-held',
        unknown: 'unknown',
      },
      flat: {
        improving: 'unknown',
        mixed: 'unknown',
        flat: 'unknown',
        worsening: 'unknown',
        unknown: 'unknown',
      },
      worsening: {
        improving: 'unknown',
        mixed: 'unknown',
        flat: 'unknown',
        worsening: 'unknown',
        unknown: 'unknown',
      },
      unknown: {
        improving: 'unknown',
        mixed: 'unknown',
        flat: 'unknown',
        worsening: 'unknown',
        unknown: 'unknown',
      },
    };
    for (const up of all)
      for (const down of all) expect(suggestFinding(up, down).finding, `${up}→${down}`).toBe(table[up][down]);
  });
});

describe('theory check and broken links', () => {
  const movements = new Map<string, Movement>([
    ['I-A1', 'improving'],
    ['I-A2', 'improving'],
    ['I-O1', 'flat'],
    ['I-O2', 'flat'],
    ['I-T', 'improving'],
  ]);

  it('shows each link with both ends, the suggestion and the recorded finding', () => {
    const rows = theoryCheck(model(), movements, [
      { linkId: 'L1', finding: 'held', evidence: '利用が増えた' },
    ]);
    expect(
      rows.map((r) => [r.linkId, r.from.movement, r.to.movement, r.suggested, r.recorded?.finding ?? null]),
    ).toEqual([
      ['L0', 'unknown', 'improving', 'unknown', null],
      ['L1', 'improving', 'improving', 'held', 'held'],
      ['L2', 'improving', 'flat', 'not-held', null],
      ['L3', 'flat', 'improving', 'unknown', null],
    ]);
    expect(rows[1]?.assumption).toBe('窓口を開けば利用される');
  });

  it('lists confirmed, candidate, contested and partly broken links across measures', () => {
    const other: MeasureLogicModel = { ...model(), measureCode: 'M2-01' };
    const findings = new Map([
      ['M1-01', [{ linkId: 'L3', finding: 'not-held' as const, evidence: '幸福度が横ばい' }]],
      [
        'M2-01',
        [
          { linkId: 'L2', finding: 'held' as const, evidence: '聞き取りで確認' },
          { linkId: 'L1', finding: 'partly' as const, evidence: '一部地域のみ' },
        ],
      ],
    ]);
    const list = brokenLinks([other, model()], findings, movements);
    expect(list.map((b) => [b.status, b.measureCode, b.linkId])).toEqual([
      ['confirmed', 'M1-01', 'L3'],
      ['candidate', 'M1-01', 'L2'],
      ['contested', 'M2-01', 'L2'],
      ['partly', 'M2-01', 'L1'],
    ]);
  });
});
