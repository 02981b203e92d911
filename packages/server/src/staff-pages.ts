/**
 * The staff workspace's pages (/staff/...): server-rendered like the public
 * ones, for signed-in accounts only; anyone else is sent to the sign-in page.
 * The pages call the API from the browser with the session's CSRF token.
 */

import type { ApiEnv } from '@mirai/api';
import {
  type AppContext,
  accountRoles,
  actions,
  evaluationActorOf,
  getCurrentPlan,
  getEvaluationSheet,
  getPlanHistory,
  getRoundStatus,
  getWorkbenchData,
  listAccounts,
  listApiTokens,
  listIndicators,
  roleMay,
  roleNames,
  showIndicator,
} from '@mirai/app';
import { neutralLevers, type RoundStatusView, recalcWorkbench, type StaffSession } from '@mirai/web';
import type { Context, Hono } from 'hono';
import { sendPage } from './public-pages';

function sessionOf(c: Context<ApiEnv>): StaffSession | null {
  const actor = c.get('actor');
  if (actor.kind !== 'user') return null;
  const session = c.get('auth').session;
  return {
    user: {
      login: actor.login,
      displayName: session?.user.displayName ?? actor.login,
      role: actor.role,
      roleName: roleNames[actor.role],
      mustChangePassword: actor.mustChangePassword,
    },
    csrfToken: session?.csrfToken ?? null,
  };
}

/** Department editors and reviewers of a department see their department's sheets. */
function departmentFilter(c: Context<ApiEnv>): { departmentCode?: string } {
  const actor = c.get('actor');
  return actor.kind === 'user' && actor.role === 'department-editor' && actor.department
    ? { departmentCode: actor.department }
    : {};
}

const toLogin = (c: Context) => c.redirect(`/staff/login?next=${encodeURIComponent(c.req.path)}`, 303);

export function registerStaffPages(app: Hono<ApiEnv>, ctx: AppContext) {
  app.get('/staff/login', (c) => {
    const next = c.req.query('next') ?? '/staff';
    return sendPage(
      c,
      ctx,
      { page: 'staff-login', next: next.startsWith('/staff') ? next : '/staff' },
      '職員ログイン',
    );
  });
  app.get('/staff/password', (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    return sendPage(c, ctx, { page: 'staff-password', session }, 'パスワードの変更');
  });
  // Until a one-time password is replaced, every other workspace page leads to the change form.
  app.use('/staff/*', async (c, next) => {
    const session = sessionOf(c);
    if (
      session?.user.mustChangePassword &&
      !['/staff/password', '/staff/login'].includes(c.req.path) &&
      c.req.method === 'GET'
    )
      return c.redirect(`/staff/password?next=${encodeURIComponent(c.req.path)}`, 303);
    await next();
  });
  app.get('/staff', (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    if (session.user.mustChangePassword) return c.redirect('/staff/password?next=%2Fstaff', 303);
    const role = c.get('actor').role;
    const links = [
      {
        href: '/staff/scenarios',
        label: { ja: '人口シナリオの試算', en: 'Population scenario workbench' },
        available: role !== 'public' && roleMay(role, 'population:read-scenarios'),
      },
      {
        href: '/staff/indicators',
        label: { ja: '実績値の入力と訂正', en: 'Enter and correct actuals' },
        available: role !== 'public' && roleMay(role, 'indicators:write'),
      },
      {
        href: '/staff/plan',
        label: { ja: '計画の構造', en: 'Plan structure' },
        available: role !== 'public' && roleMay(role, 'plan:read-draft'),
      },
      {
        href: '/staff/users',
        label: { ja: '利用者の管理', en: 'Accounts' },
        available: role !== 'public' && roleMay(role, 'users:read'),
      },
      {
        href: '/staff/tokens',
        label: { ja: 'API トークン', en: 'API tokens' },
        available: role !== 'public' && roleMay(role, 'tokens:read-own'),
      },
      {
        href: '/staff/surveys/import',
        label: { ja: '調査の回を取り込む', en: 'Import a survey wave' },
        available: role !== 'public' && roleMay(role, 'survey:import'),
      },
      {
        href: '/staff/rounds',
        label: { ja: '評価の回の進捗・評価シートの入力と承認', en: 'Evaluation rounds, sheets and approval' },
        available: role !== 'public' && roleMay(role, 'evaluation:read-sheet'),
      },
    ];
    return sendPage(c, ctx, { page: 'staff-home', session, links }, '職員用ワークスペース');
  });
  app.get('/staff/plan', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const actor = c.get('actor');
    if (actor.kind !== 'user' || !roleMay(actor.role, 'plan:read-draft'))
      return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
    const plan = await getCurrentPlan(ctx);
    if (!plan.ok) return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
    const h = await getPlanHistory(ctx);
    const history = h.ok
      ? h.value.map((v) => ({
          version: v.version,
          createdAt: new Date(v.created_at as unknown as string).toISOString(),
          actor: v.created_by,
          note: v.note ?? null,
        }))
      : [];
    return sendPage(
      c,
      ctx,
      {
        page: 'staff-plan',
        session,
        document: plan.value.document,
        version: plan.value.version,
        history,
        canEdit: roleMay(actor.role, 'plan:import'),
      },
      '計画の構造',
    );
  });
  app.get('/staff/users', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const actor = c.get('actor');
    if (actor.kind !== 'user' || !roleMay(actor.role, 'users:read'))
      return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
    const plan = await getCurrentPlan(ctx);
    const departments = plan.ok
      ? plan.value.document.departments.map((d) => ({ code: d.code, name: d.name }))
      : [];
    const users = await listAccounts(ctx);
    const roles = accountRoles.map((code) => ({ code, name: roleNames[code] }));
    return sendPage(c, ctx, { page: 'staff-users', session, users, roles, departments }, '利用者');
  });
  app.get('/staff/tokens', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const actor = c.get('actor');
    if (actor.kind !== 'user') return toLogin(c);
    const tokens = (await listApiTokens(ctx, actor.userId)).map((t) => ({
      id: t.id,
      name: t.name,
      scopes: t.scopes,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    }));
    return sendPage(
      c,
      ctx,
      { page: 'staff-tokens', session, tokens, knownScopes: [...actions] },
      'API トークン',
    );
  });
  app.get('/staff/rounds', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const plan = await getCurrentPlan(ctx);
    const rounds: RoundStatusView[] = [];
    if (plan.ok) {
      const { startFiscalYear, endFiscalYear } = plan.value.document.plan;
      for (let fy = startFiscalYear - 1; fy <= endFiscalYear; fy++) {
        const r = await getRoundStatus(ctx, fy, departmentFilter(c));
        if (r.ok) rounds.push(r.value as RoundStatusView);
      }
    }
    return sendPage(c, ctx, { page: 'staff-rounds', session, rounds }, '評価の回');
  });
  app.get('/staff/rounds/:fy', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const r = await getRoundStatus(ctx, Number(c.req.param('fy')), departmentFilter(c));
    if (!r.ok) return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
    return sendPage(
      c,
      ctx,
      { page: 'staff-round', session, status: r.value as RoundStatusView },
      '評価の進捗',
    );
  });
  app.get('/staff/sheets/:id', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const actor = evaluationActorOf(c.get('actor'));
    const r = await getEvaluationSheet(ctx, c.req.param('id'), actor ? { actor } : {});
    if (!r.ok) return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
    const sheet = r.value.sheet;
    const view = {
      sheet: r.value.sheet,
      round: r.value.round,
      cost: r.value.cost,
      allowedActions: r.value.allowedActions,
    };
    return sendPage(
      c,
      ctx,
      {
        page: 'staff-sheet',
        session,
        view,
        // The server's own templates and check context (one function), so the page raises no problem it would not.
        templates: r.value.templates,
        checks: r.value.checks,
      },
      sheet.content.name,
    );
  });
  app.get('/staff/indicators', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const list = await listIndicators(ctx, { withAuthors: true });
    return sendPage(
      c,
      ctx,
      { page: 'staff-indicators', session, indicators: list.ok ? list.value : [] },
      '実績値の入力',
    );
  });
  app.get('/staff/indicators/:code', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const i = await showIndicator(ctx, c.req.param('code'), { withAuthors: true });
    const plan = await getCurrentPlan(ctx);
    if (!i.ok || !plan.ok) return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
    const { startFiscalYear, endFiscalYear } = plan.value.document.plan;
    const fiscalYears: number[] = [];
    for (let y = startFiscalYear - 2; y <= endFiscalYear; y++) fiscalYears.push(y);
    return sendPage(
      c,
      ctx,
      { page: 'staff-indicator', session, indicator: i.value, fiscalYears },
      i.value.name.ja,
    );
  });
  app.get('/staff/surveys/import', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const plan = await getCurrentPlan(ctx);
    const surveyIndicators = plan.ok
      ? plan.value.document.indicators
          .filter((i) => i.kind === 'survey')
          .map((i) => ({ code: i.code, name: i.name }))
      : [];
    return sendPage(c, ctx, { page: 'staff-survey-import', session, surveyIndicators }, '調査の回を取り込む');
  });
  app.get('/staff/scenarios', async (c) => {
    const session = sessionOf(c);
    if (!session) return toLogin(c);
    const data = await getWorkbenchData(ctx);
    if (!data.ok) return c.text(data.problems[0]?.message.ja ?? 'error', 500);
    const baseline = recalcWorkbench(data.value.set, neutralLevers, data.value.target?.fiscalYear);
    return sendPage(
      c,
      ctx,
      { page: 'staff-scenarios', session, workbench: { ...data.value, baseline } },
      '人口シナリオの試算',
    );
  });
}
