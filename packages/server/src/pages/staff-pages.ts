/**
 * The staff workspace's pages (/staff/...), declared like routes: each with
 * the policy the gate checks before its loader runs (no account → sign-in
 * page, a refused role → 403 page). Server-rendered like the public pages;
 * the browser then calls the API with the session's CSRF token.
 */
import {
  accountRoles,
  actions,
  authorize,
  checkSectoralPlans,
  evaluationActorOf,
  getActualsGrid,
  getCurrentPlan,
  getEvaluationSheet,
  getPartner,
  getPlanHistory,
  getRoundStatus,
  getWorkbenchData,
  getWorkshop,
  listAccounts,
  listApiTokens,
  listDatasetSummaries,
  listIndicators,
  listReports,
  listSurveyWaves,
  listVoices,
  listWorkshops,
  readMailOutbox,
  roleNames,
  roundScopeOf,
  showIndicator,
} from '@mirai/app';
import { ProblemError } from '@mirai/core';
import { neutralLevers, type RoundStatusView, recalcWorkbench } from '@mirai/web';
import { inbox, mySheets } from './evaluation-inbox-pages';
import { review, reviews } from './evaluation-review-pages';
import { definePage, mayOpen, type PageEntry, staffPage } from './page-table';

const login = definePage({
  path: '/staff/login',
  policy: 'public',
  title: () => '職員ログイン',
  load: async (req) => {
    const next = req.query('next') ?? '/staff';
    return { page: 'staff-login', next: next.startsWith('/staff') ? next : '/staff' };
  },
});

const password = staffPage({
  path: '/staff/password',
  policy: 'account:update-self',
  title: () => 'パスワードの変更',
  load: async ({ session }) => ({ page: 'staff-password', session }),
});

const scenarios = staffPage({
  path: '/staff/scenarios',
  policy: 'population:read-scenarios',
  readsDraft: true,
  title: () => '人口シナリオの試算',
  load: async ({ ctx, session, may }) => {
    const data = await getWorkbenchData(ctx);
    // A municipality without stored population data: the page says so and how to import it.
    const missing = data.ok ? undefined : data.problems.find((p) => p.code === 'population/data-missing');
    if (missing) {
      const heading = { ja: '人口シナリオの試算', en: 'Population scenario workbench' };
      const problem = { code: missing.code, message: missing.message };
      const action = may('population:import-data')
        ? {
            href: '/staff/population-data',
            label: { ja: '人口データを登録する', en: 'Store population data' },
          }
        : undefined;
      return { page: 'staff-notice', session, heading, problem, ...(action ? { action } : {}) };
    }
    if (!data.ok) throw new ProblemError(data.problems);
    const baseline = recalcWorkbench(data.value.set, neutralLevers, data.value.target?.fiscalYear);
    return { page: 'staff-scenarios', session, workbench: { ...data.value, baseline } };
  },
});

const populationData = staffPage({
  path: '/staff/population-data',
  policy: 'population:read-scenarios',
  title: () => '人口データ',
  load: async ({ ctx, session, may }) => {
    const list = await listDatasetSummaries(ctx);
    if (!list.ok) throw new ProblemError(list.problems);
    const datasets = list.value.map(({ fileName: _f, ...d }) => d);
    return { page: 'staff-population-data', session, datasets, canImport: may('population:import-data') };
  },
});

const indicators = staffPage({
  path: '/staff/indicators',
  policy: 'indicators:write',
  readsDraft: true,
  title: () => '実績値の入力',
  load: async ({ ctx, session, actor }) => {
    const grid = await getActualsGrid(ctx, actor);
    if (!grid.ok) throw new ProblemError(grid.problems);
    const list = await listIndicators(ctx, { withAuthors: true });
    const rows = new Set(grid.value.definitions.map((d) => d.code));
    const indicators = list.ok ? list.value.filter((i) => rows.has(i.code)) : [];
    return { page: 'staff-indicators', session, grid: grid.value, indicators };
  },
});

const indicator = staffPage({
  path: '/staff/indicators/:code',
  policy: 'indicators:write',
  readsDraft: true,
  title: (m) => (m.page === 'staff-indicator' ? m.indicator.name.ja : ''),
  load: async ({ ctx, session, params, actor }) => {
    const i = await showIndicator(ctx, params.code ?? '', { withAuthors: true });
    const grid = await getActualsGrid(ctx, actor);
    if (!i.ok || !grid.ok) return null;
    // Only the plan's years (the server refuses others), starting in the newest open one.
    const { years: fiscalYears, defaultYear } = grid.value;
    return { page: 'staff-indicator', session, indicator: i.value, fiscalYears, defaultYear };
  },
});

const plan = staffPage({
  path: '/staff/plan',
  policy: 'plan:read-draft',
  readsDraft: true,
  title: () => '計画の構造',
  load: async ({ ctx, session, may }) => {
    const current = await getCurrentPlan(ctx);
    if (!current.ok) return null;
    const h = await getPlanHistory(ctx);
    const history = h.ok
      ? h.value.map((v) => ({
          version: v.version,
          createdAt: new Date(v.created_at as unknown as string).toISOString(),
          actor: v.created_by,
          note: v.note ?? null,
        }))
      : [];
    return {
      page: 'staff-plan',
      session,
      document: current.value.document,
      version: current.value.version,
      history,
      canEdit: may('plan:import'),
    };
  },
});

const users = staffPage({
  path: '/staff/users',
  policy: 'users:read',
  title: () => '利用者',
  load: async ({ ctx, session }) => {
    const current = await getCurrentPlan(ctx);
    const departments = current.ok
      ? current.value.document.departments.map((d) => ({ code: d.code, name: d.name }))
      : [];
    const accounts = await listAccounts(ctx);
    const roles = accountRoles.map((code) => ({ code, name: roleNames[code] }));
    return { page: 'staff-users', session, users: accounts, roles, departments };
  },
});

const tokens = staffPage({
  path: '/staff/tokens',
  policy: 'tokens:read-own',
  title: () => 'API トークン',
  load: async ({ ctx, session, actor }) => {
    if (actor.kind !== 'user') return null;
    const list = (await listApiTokens(ctx, actor.userId)).map((t) => ({
      id: t.id,
      name: t.name,
      scopes: t.scopes,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    }));
    return { page: 'staff-tokens', session, tokens: list, knownScopes: [...actions] };
  },
});

const rounds = staffPage({
  path: '/staff/rounds',
  policy: 'evaluation:read-sheet',
  readsDraft: true,
  title: () => '評価の回',
  load: async ({ ctx, session, actor }) => {
    const current = await getCurrentPlan(ctx);
    const list: RoundStatusView[] = [];
    if (current.ok) {
      const { startFiscalYear, endFiscalYear } = current.value.document.plan;
      for (let fy = startFiscalYear - 1; fy <= endFiscalYear; fy++) {
        const r = await getRoundStatus(ctx, fy, roundScopeOf(actor));
        if (r.ok) list.push(r.value as RoundStatusView);
      }
    }
    // A round runs in the year after the one it evaluates: the year just closed (Japan time) may be opened.
    const now = new Date(Date.now() + 9 * 3600_000);
    const currentFy = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    const plan = current.ok ? current.value.document.plan : null;
    const openableYears =
      plan &&
      currentFy - 1 >= plan.startFiscalYear &&
      currentFy - 1 <= plan.endFiscalYear &&
      !list.some((r) => r.round.fiscalYear === currentFy - 1)
        ? [currentFy - 1]
        : [];
    const canManage = authorize(actor, 'evaluation:manage-round').ok;
    // Nothing to open yet (e.g. a plan in its first year): the page says which year comes next, and when.
    let nextOpenable: number | null = null;
    if (plan && openableYears.length === 0)
      for (let fy = Math.max(plan.startFiscalYear, currentFy); fy <= plan.endFiscalYear; fy++)
        if (!list.some((r) => r.round.fiscalYear === fy)) {
          nextOpenable = fy;
          break;
        }
    return { page: 'staff-rounds', session, rounds: list, canManage, openableYears, nextOpenable };
  },
});

const round = staffPage({
  path: '/staff/rounds/:fy',
  policy: 'evaluation:read-sheet',
  readsDraft: true,
  title: () => '評価の進捗',
  load: async ({ ctx, session, actor, params }) => {
    const fy = Number(params.fy);
    if (!Number.isInteger(fy)) return null;
    const r = await getRoundStatus(ctx, fy, roundScopeOf(actor));
    if (!r.ok) return null;
    const status = r.value as RoundStatusView;
    const current = await getCurrentPlan(ctx);
    const names = new Map(
      current.ok ? current.value.document.departments.map((d) => [d.code, d.name.ja]) : [],
    );
    const departments = [...new Set(status.sheets.map((x) => x.departmentCode))]
      .sort()
      .map((code) => ({ code, name: names.get(code) ?? code }));
    return {
      page: 'staff-round',
      session,
      status,
      canManage: authorize(actor, 'evaluation:manage-round').ok,
      departments,
    };
  },
});

const sheet = staffPage({
  path: '/staff/sheets/:id',
  policy: 'evaluation:read-sheet',
  readsDraft: true,
  title: (m) => (m.page === 'staff-sheet' ? m.view.sheet.content.name : ''),
  load: async ({ ctx, session, actor, params, may }) => {
    const evaluator = evaluationActorOf(actor);
    const r = await getEvaluationSheet(ctx, params.id ?? '', evaluator ? { actor: evaluator } : {});
    if (!r.ok) return null;
    const s = r.value.sheet;
    return {
      page: 'staff-sheet',
      session,
      view: {
        sheet: s,
        round: r.value.round,
        cost: r.value.cost,
        allowedActions: r.value.allowedActions,
        partnerContributions: r.value.partnerContributions,
      },
      // The server's own templates and check context (one function), so the page raises no problem it would not.
      templates: r.value.templates,
      checks: r.value.checks,
      extras: {
        figures: r.value.indicatorFigures,
        fixedIndicators: r.value.fixedIndicators,
        theory: r.value.theory?.rows ?? null,
        threads: r.value.threads,
        canComment: may('evaluation:comment'),
        earlierSheets: r.value.earlierSheets,
      },
    };
  },
});

const surveyImport = staffPage({
  path: '/staff/surveys/import',
  policy: 'survey:import',
  readsDraft: true,
  title: () => '調査の回を取り込む',
  load: async ({ ctx, session }) => {
    const current = await getCurrentPlan(ctx);
    const surveyIndicators = current.ok
      ? current.value.document.indicators
          .filter((i) => i.kind === 'survey')
          .map((i) => ({ code: i.code, name: i.name }))
      : [];
    return { page: 'staff-survey-import', session, surveyIndicators };
  },
});

const surveyWaves = staffPage({
  path: '/staff/surveys',
  policy: 'survey:import',
  readsDraft: true,
  title: () => '調査の回と公表',
  load: async ({ ctx, session }) => {
    const r = await listSurveyWaves(ctx);
    if (!r.ok) throw new ProblemError(r.problems);
    const waves = r.value.map((w) => ({
      code: w.code,
      title: w.title,
      fieldworkStart: w.fieldwork_start ? String(w.fieldwork_start).slice(0, 10) : null,
      responses: Number(w.responses ?? 0),
      questions: w.questions.length,
      status: w.status,
      version: w.version,
    }));
    return { page: 'staff-survey-waves', session, waves };
  },
});

const cocreation = staffPage({
  path: '/staff/cocreation',
  policy: 'cocreation:read-linked',
  title: () => '共創：パートナーの報告と市民の声',
  load: async ({ ctx, session, actor }) => {
    if (actor.kind !== 'user') return null;
    const staff = authorize(actor, 'cocreation:review-reports').ok;
    const reports = await listReports(ctx, actor);
    const voices = staff ? await listVoices(ctx, actor) : null;
    const items = [];
    if (!staff)
      for (const code of actor.links) {
        const p = await getPartner(ctx, actor, code);
        if (p.ok)
          for (const l of p.value.links)
            if (l.itemKind !== 'indicator')
              items.push({
                code: l.itemCode,
                kind: l.itemKind,
                name: { ja: l.itemName?.ja ?? l.itemCode, en: l.itemName?.en ?? l.itemCode },
              });
      }
    const current = staff ? await getCurrentPlan(ctx) : null;
    const measures = current?.ok
      ? current.value.document.measures.map((m) => ({ code: m.code, name: m.name }))
      : [];
    return {
      page: 'staff-cocreation',
      session,
      mode: staff ? 'staff' : 'partner',
      items,
      measures,
      reports: reports.ok ? reports.value : [],
      voices: voices?.ok ? voices.value : [],
    };
  },
});

const outboxStatuses = ['pending', 'sending', 'sent', 'held', 'failed', 'unknown'] as const;
type OutboxStatus = (typeof outboxStatuses)[number];

/** Every message sent or held (embedded mode without SMTP: what would have been sent), newest first. */
const outbox = staffPage({
  path: '/staff/outbox',
  policy: 'mail:read-outbox',
  title: () => '送信箱',
  load: async ({ ctx, session, actor, query }) => {
    const asked = query('status');
    const status = outboxStatuses.find((s) => s === asked) as OutboxStatus | undefined;
    const kind = query('kind') || undefined;
    const r = await readMailOutbox(ctx, actor, { ...(status ? { status } : {}), limit: 500 });
    if (!r.ok) throw new ProblemError(r.problems);
    const messages = kind ? r.value.messages.filter((m) => m.kind === kind) : r.value.messages;
    return {
      page: 'staff-outbox',
      session,
      outbox: { ...r.value, messages: messages.slice(0, 200) },
      filter: { status: status ?? null, kind: kind ?? null },
    };
  },
});

/** The desired states (fields) and measures a workshop may name, from the current plan. */
async function shapeableOf(ctx: Parameters<typeof getCurrentPlan>[0]) {
  const current = await getCurrentPlan(ctx);
  if (!current.ok) return [];
  const d = current.value.document;
  return [
    ...d.fields.map((f) => ({ code: f.code, name: f.name })),
    ...d.measures.map((m) => ({ code: m.code, name: m.name })),
  ];
}

const workshops = staffPage({
  path: '/staff/workshops',
  policy: 'cocreation:manage-workshops',
  readsDraft: true,
  title: () => 'ワークショップの記録',
  load: async ({ ctx, session, actor }) => {
    const list = await listWorkshops(ctx, actor);
    if (!list.ok) throw new ProblemError(list.problems);
    return { page: 'staff-workshops', session, workshops: list.value, shapeable: await shapeableOf(ctx) };
  },
});

const workshop = staffPage({
  path: '/staff/workshops/:code',
  policy: 'cocreation:manage-workshops',
  readsDraft: true,
  title: (m) => (m.page === 'staff-workshop' ? m.workshop.title.ja : ''),
  load: async ({ ctx, session, actor, params }) => {
    const w = await getWorkshop(ctx, actor, params.code ?? '');
    if (!w.ok) return null;
    return { page: 'staff-workshop', session, workshop: w.value, shapeable: await shapeableOf(ctx) };
  },
});

/** The workspace's front page: links to the pages this account may open (by their policies). */
const sectoralPlans = staffPage({
  path: '/staff/sectoral-plans',
  policy: 'sectoral:read-draft',
  readsDraft: true,
  title: () => '個別計画の登録と整合',
  load: async ({ ctx, session, may }) => {
    const check = await checkSectoralPlans(ctx, { includeDrafts: true });
    if (!check.ok) throw new ProblemError(check.problems);
    const plan = await getCurrentPlan(ctx);
    if (!plan.ok) throw new ProblemError(plan.problems);
    const doc = plan.value.document;
    const named = (xs: readonly { code: string; name: { ja: string; en?: string } }[]) =>
      xs.map((x) => ({ code: x.code, name: x.name }));
    return {
      page: 'staff-sectoral-plans',
      session,
      check: check.value,
      departments: named(doc.departments),
      fields: named(doc.fields),
      measures: named(doc.measures),
      indicators: named(doc.indicators),
      canManage: may('sectoral:manage'),
    };
  },
});

const workspaceLinks = [
  [scenarios, { ja: '人口シナリオの試算', en: 'Population scenario workbench' }],
  [
    populationData,
    { ja: '人口データ（国勢調査・将来推計）の登録', en: 'Population data (census, projections)' },
  ],
  [indicators, { ja: '実績値の入力と訂正', en: 'Enter and correct actuals' }],
  [plan, { ja: '計画の構造', en: 'Plan structure' }],
  [users, { ja: '利用者の管理', en: 'Accounts' }],
  [tokens, { ja: 'API トークン', en: 'API tokens' }],
  [surveyImport, { ja: '調査の回を取り込む', en: 'Import a survey wave' }],
  [surveyWaves, { ja: '調査の回の一覧と公表', en: 'Survey waves and publication' }],
  [rounds, { ja: '評価の回の進捗・評価シートの入力と承認', en: 'Evaluation rounds, sheets and approval' }],
  [reviews, { ja: '中期の見直し評価と次期の素案', en: 'Medium-term review and the next phase draft' }],
  [inbox, { ja: '受信箱（お知らせと催促）', en: 'Inbox (notices and reminders)' }],
  [mySheets, { ja: '自分の評価シート（対応が必要なもの）', en: 'My sheets (awaiting me)' }],
  [
    cocreation,
    { ja: '共創：パートナーの報告と市民の声', en: "Co-creation: partner reports and residents' voices" },
  ],
  [workshops, { ja: 'ワークショップの記録と公開', en: 'Workshop records and publication' }],
  [outbox, { ja: '送信箱（送信した・送信を保留したメール）', en: 'Outbox (e-mail sent or held)' }],
  [sectoralPlans, { ja: '個別計画の登録と整合の点検', en: 'Sectoral plans and their alignment' }],
] as const;

const home = staffPage({
  path: '/staff',
  policy: 'account:read-self',
  title: () => '職員用ワークスペース',
  load: async ({ session, actor }) => ({
    page: 'staff-home',
    session,
    links: workspaceLinks.map(([entry, label]) => ({
      href: entry.path,
      label,
      available: mayOpen(actor, entry),
    })),
  }),
});

export const staffPages: PageEntry[] = [
  login,
  password,
  home,
  plan,
  users,
  tokens,
  rounds,
  round,
  sheet,
  reviews,
  review,
  inbox,
  mySheets,
  indicators,
  indicator,
  surveyImport,
  surveyWaves,
  scenarios,
  populationData,
  cocreation,
  outbox,
  sectoralPlans,
  workshops,
  workshop,
];
