/**
 * A whole round in the pure core: open, fill, return and resubmit, approve,
 * review, committee, close, publish, lock; a concurrent edit; then the round's
 * digest feeding a medium-term review and the next phase's draft. Sample data.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../errors';
import { type IndicatorFigures, joinIndicatorRows } from './indicator-rows';
import { buildMediumTermReview } from './medium-term-review';
import { draftNextPhase } from './next-phase-draft';
import type { Actor } from './roles';
import { type EvaluationRound, hasCommitteeStage, openRound } from './round';
import { digestRound } from './round-digest';
import { overdueSheets } from './round-schedule';
import { transitionRound } from './round-state';
import { computeProjectCost } from './sheet-cost';
import { checkSheetEdit } from './sheet-edit';
import { standardTemplates } from './sheet-template';
import type { EvaluationSheet, MeasureSheetContent, ProjectSheetContent } from './sheet-types';
import { type SheetAction, type SheetEvent, transitionSheet } from './sheet-workflow';
import { validateSheet } from './validate-sheet';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.problems.map((p) => p.code).join(', '));
  return r.value;
};

const editor: Actor = { id: 'sato', role: 'department-editor', departmentCode: 'kodomo' };
const head: Actor = { id: 'suzuki', role: 'section-head', departmentCode: 'kodomo' };
const planner: Actor = { id: 'kikaku', role: 'planning-division' };
const committee: Actor = { id: 'iinkai', role: 'committee' };

const projectContent = (code: string): ProjectSheetContent => ({
  kind: 'project',
  projectCode: code,
  name: `事業${code}`,
  departmentCode: 'kodomo',
  fieldCode: 'F1',
  measureCode: 'M01',
  period: { startFiscalYear: 2022 },
  delivery: ['direct'],
  purpose: { target: '子育て世帯', intent: '安心して子育てできる', means: '相談・交流の場' },
  indicators: [
    { code: `${code}-A`, role: 'activity' },
    { code: 'M01-O', role: 'outcome' },
  ],
  cost: {
    basis: 'settlement',
    funding: { national: 1000, prefectural: 500, bonds: 0, other: 0, generalRevenue: 2000 },
    personYears: 0.5,
    averageStaffCost: 8000,
  },
  ratings: { necessity: '4', effectiveness: '3', efficiency: '3', means: '4' },
  overallRating: 'B',
  direction: 'continue',
  issues: '利用の地域差',
  comments: {},
});

const measureContent: MeasureSheetContent = {
  kind: 'measure',
  measureCode: 'M01',
  name: '子育ての孤立を防ぐ',
  departmentCode: 'kodomo',
  fieldCode: 'F1',
  desiredState: '安心して子育てできる',
  indicators: [{ code: 'M01-O', role: 'outcome' }],
  contributingProjects: [
    { projectCode: 'P001', weight: 70 },
    { projectCode: 'P002', weight: 30 },
  ],
  ratings: {},
  overallRating: 'B',
  direction: 'improve',
  issues: '成果指標の伸びが鈍い',
  comments: {},
  theoryFindings: [{ linkId: 'L1', finding: 'partly', evidence: '利用者は増えたが孤立感は横ばい' }],
};

describe('a full evaluation round in the core', () => {
  it('runs from opening to lock with every transition audited', () => {
    let round: EvaluationRound = must(
      openRound({
        fiscalYear: 2024,
        openedOn: { year: 2025, month: 6, day: 2 },
        scope: { measureCodes: ['M01'], projectCodes: ['P001', 'P002'] },
        stages: [
          { stage: 'department-entry', due: { year: 2025, month: 7, day: 11 } },
          { stage: 'section-head', due: { year: 2025, month: 7, day: 25 } },
          { stage: 'planning-division', due: { year: 2025, month: 8, day: 29 } },
          { stage: 'external-committee', due: { year: 2025, month: 10, day: 31 } },
        ],
      }),
    );
    const sheets = new Map<string, EvaluationSheet>();
    const add = (content: ProjectSheetContent | MeasureSheetContent, code: string) =>
      sheets.set(code, {
        id: `${round.id}/${code}`,
        roundId: round.id,
        fiscalYear: 2024,
        kind: content.kind,
        code,
        departmentCode: 'kodomo',
        state: 'draft',
        version: 1,
        content,
      });
    add(projectContent('P001'), 'P001');
    add(projectContent('P002'), 'P002');
    add(measureContent, 'M01');
    for (const s of sheets.values()) expect(validateSheet(s.content, standardTemplates).ok).toBe(true);

    const events: SheetEvent[] = [];
    const act = (code: string, action: SheetAction, actor: Actor, comment?: string) => {
      const s = sheets.get(code)!;
      const r = transitionSheet({
        sheet: s,
        action,
        actor,
        at: `2025-07-${String(events.length + 1).padStart(2, '0')}T09:00:00+09:00`,
        round: { state: round.state, hasCommitteeStage: hasCommitteeStage(round) },
        expectedVersion: s.version,
        ...(comment ? { comment } : {}),
      });
      if (r.ok) {
        sheets.set(code, { ...s, state: r.value.state, version: r.value.version });
        events.push(r.value.event);
      }
      return r;
    };

    // Two clerks open P001 at version 1; the first save wins, the second is told.
    const first = checkSheetEdit({
      sheet: sheets.get('P001')!,
      part: 'content',
      actor: editor,
      roundState: round.state,
      expectedVersion: 1,
    });
    expect(first.ok).toBe(true);
    sheets.set('P001', { ...sheets.get('P001')!, version: must(first).version });
    const second = checkSheetEdit({
      sheet: sheets.get('P001')!,
      part: 'content',
      actor: editor,
      roundState: round.state,
      expectedVersion: 1,
    });
    expect(!second.ok && second.problems.map((p) => p.code)).toEqual(['evaluation/stale-version']);

    for (const code of ['P001', 'P002', 'M01']) expect(act(code, 'submit', editor).ok).toBe(true);
    expect(
      overdueSheets(round, [...sheets.values()], { year: 2025, month: 7, day: 26 }).map((o) => o.code),
    ).toEqual(['M01', 'P001', 'P002']);
    expect(act('P002', 'return', head, '実績値の根拠を添付してください').ok).toBe(true);
    // A returned sheet is editable again; an approved one is not.
    expect(
      checkSheetEdit({
        sheet: sheets.get('P002')!,
        part: 'content',
        actor: editor,
        roundState: 'open',
        expectedVersion: sheets.get('P002')!.version,
      }).ok,
    ).toBe(true);
    expect(act('P002', 'submit', editor).ok).toBe(true);
    for (const code of ['P001', 'P002', 'M01']) expect(act(code, 'approve', head).ok).toBe(true);
    expect(
      checkSheetEdit({
        sheet: sheets.get('P001')!,
        part: 'content',
        actor: editor,
        roundState: 'open',
        expectedVersion: sheets.get('P001')!.version,
      }).ok,
    ).toBe(false);
    expect(act('P001', 'approve', head).ok).toBe(false); // already approved
    expect(!act('M01', 'publish', planner).ok).toBe(true); // not before the committee and the close
    for (const code of ['P001', 'P002', 'M01']) expect(act(code, 'review', planner).ok).toBe(true);
    for (const code of ['P001', 'P002', 'M01']) expect(act(code, 'see', committee).ok).toBe(true);

    const close = must(
      transitionRound({
        round,
        action: 'close',
        actor: planner,
        at: '2025-11-01T10:00:00+09:00',
        expectedVersion: round.version,
      }),
    );
    round = close.round;
    const statuses = [...sheets.values()].map((s) => ({
      id: s.id,
      code: s.code,
      kind: s.kind,
      state: s.state,
    }));
    const publish = must(
      transitionRound({
        round,
        action: 'publish',
        actor: planner,
        at: '2025-11-10T10:00:00+09:00',
        expectedVersion: round.version,
        sheets: statuses,
      }),
    );
    round = publish.round;
    for (const code of ['P001', 'P002', 'M01']) expect(act(code, 'publish', planner).ok).toBe(true);
    round = must(
      transitionRound({
        round,
        action: 'lock',
        actor: planner,
        at: '2026-03-31T17:00:00+09:00',
        expectedVersion: round.version,
      }),
    ).round;
    expect(round.state).toBe('locked');
    const late = act('P001', 'return', planner, 'too late');
    expect(!late.ok && late.problems.map((p) => p.code)).toContain('evaluation/round-locked');

    // The audit trail is a consistent chain per sheet.
    expect(events).toHaveLength(3 + 2 + 3 + 3 + 3 + 3);
    for (const code of ['P001', 'P002', 'M01']) {
      const chain = events.filter((e) => e.sheetId.endsWith(code));
      chain.forEach((e, k) => {
        if (k > 0) expect(e.from).toBe(chain[k - 1]!.to);
        if (k > 0) expect(e.version).toBe(chain[k - 1]!.version + 1);
      });
      expect(chain.at(-1)?.to).toBe('published');
    }
    expect(events.find((e) => e.action === 'return')).toMatchObject({
      actor: head,
      comment: '実績値の根拠を添付してください',
    });
  });

  it('feeds a medium-term review and the next phase draft from a round', () => {
    const figures: IndicatorFigures[] = [
      {
        code: 'M01-O',
        name: '孤立感のない保護者の割合',
        unit: '%',
        direction: 'higher-is-better',
        years: [{ fiscalYear: 2024, target: 80, actual: 72 }],
      },
    ];
    const rows = must(joinIndicatorRows(measureContent.indicators, figures, 2024));
    const cost = must(computeProjectCost(projectContent('P001').cost));
    const digest = digestRound({
      fiscalYear: 2024,
      measures: [{ content: measureContent, indicatorRows: rows }],
      projects: [{ content: projectContent('P001'), totalCost: cost.totalCost }],
    });
    expect(digest.measures[0]?.meanAchievement).toBeCloseTo(0.9);
    expect(digest.projects[0]?.totalCost).toBe(3500 + 4000);
    // JSON round trip: digests are plain data the app can store.
    const stored = JSON.parse(JSON.stringify(digest));
    const review = must(
      buildMediumTermReview({ number: 1, startFiscalYear: 2024, endFiscalYear: 2026 }, [stored]),
    );
    expect(review.measures[0]).toMatchObject({
      measureCode: 'M01',
      achievementTrend: 'insufficient-data',
      brokenLinks: [{ linkId: 'L1', latest: 'partly' }],
    });
    const draft = must(
      draftNextPhase({
        nextPhase: 2,
        measures: [
          {
            code: 'M01',
            name: measureContent.name,
            fieldCode: 'F1',
            phase: 1,
            indicatorCodes: ['M01-O'],
            projectCodes: ['P001', 'P002'],
          },
        ],
      }),
    );
    expect(draft.provenance).toEqual([{ from: 'M01', to: 'P2-M01' }]);
  });
});
