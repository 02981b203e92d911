/**
 * Municipalities of one deployment (decision 0135): add one with its host
 * names and its plan (imported within the new municipality), and list them.
 */
import { defineProblem, fail, ok, type PlanDocument, type Problem, type Result } from '@mirai/core';
import {
  accountDb,
  actAsMunicipalityIn,
  globally,
  HostTaken,
  isUniqueViolation,
  listMunicipalities,
  normalizeHost,
  PlanVersionConflict,
  type RegisteredMunicipality,
  registerMunicipalityIn,
  registryChanged,
  savePlanVersion,
  setMunicipalityPublicUrl,
  withMunicipality,
} from '@mirai/db';
import { authProblems } from '../auth/auth-problems';
import { type PreparedUser, prepareUser, storePreparedUser } from '../auth/users';
import type { AppContext } from '../context';
import { loadPlanText } from '../plan/load-plan';
import { planUseCaseProblems } from '../plan/plan-use-cases';

export const municipalityProblems = {
  planForAnother: defineProblem<{ code: string; named: string }>(
    'municipality/plan-for-another',
    'invalid',
    (p) => ({
      ja: `計画ファイルは市区町村 ${p.named} のものです（--code は ${p.code}）`,
      en: `The plan file is for municipality ${p.named}, not ${p.code} (--code)`,
    }),
  ),
  hostTaken: defineProblem<{ host: string; owner: string }>('municipality/host-taken', 'conflict', (p) => ({
    ja: `ホスト名 ${p.host} は既に市区町村 ${p.owner} が使っています`,
    en: `Host name ${p.host} already belongs to municipality ${p.owner}`,
  })),
  badHost: defineProblem<{ host: string }>('municipality/bad-host', 'invalid', (p) => ({
    ja: `ホスト名 ${p.host} は使えません（例: plan.example.lg.jp）`,
    en: `Host name ${p.host} is not usable (e.g. plan.example.lg.jp)`,
  })),
  planNeeded: defineProblem<{ code: string }>('municipality/plan-needed', 'invalid', (p) => ({
    ja: `市区町村 ${p.code} は未登録です。計画ファイル（--plan）を指定してください`,
    en: `Municipality ${p.code} is not registered yet: give its plan file (--plan)`,
  })),
  badCode: defineProblem<{ code: string }>('municipality/bad-code', 'invalid', (p) => ({
    ja: `市区町村コード ${p.code} は5桁または6桁の数字で指定してください`,
    en: `Municipality code ${p.code} must be 5 or 6 digits`,
  })),
  badPublicUrl: defineProblem<{ url: string }>('municipality/bad-public-url', 'invalid', (p) => ({
    ja: `公開URL ${p.url} は使えません（http:// または https:// とホスト名だけ。例: https://plan.example.lg.jp）`,
    en: `Public URL ${p.url} is not usable: give http:// or https:// and a host name only (e.g. https://plan.example.lg.jp)`,
  })),
  publicUrlHost: defineProblem<{ url: string; code: string }>(
    'municipality/public-url-host',
    'invalid',
    (p) => ({
      ja: `公開URL ${p.url} のホスト名は市区町村 ${p.code} のホスト名ではありません（--host で追加してください）`,
      en: `The host of public URL ${p.url} is not a host name of municipality ${p.code} (add it with --host)`,
    }),
  ),
  notRegistered: defineProblem<{ code: string }>('municipality/not-registered', 'not-found', (p) => ({
    ja: `市区町村 ${p.code} は登録されていません`,
    en: `Municipality ${p.code} is not registered`,
  })),
  unknownHost: defineProblem<Record<string, never>>('tenancy/unknown-host', 'not-found', () => ({
    ja: 'このホスト名で提供している市区町村はありません',
    en: 'No municipality is served at this host name',
  })),
};

export interface AddMunicipalityInput {
  code: string;
  hosts: string[];
  /** The plan; may be left out only to give a registered municipality more host names. */
  plan?: { text: string; file: string };
  actor: string;
  /**
   * The new municipality's first administrator (default login `admin`), created with its plan and
   * given a one-time password; `false`: none (create it later with `mirai users create-admin`).
   */
  admin?: { login: string } | false;
  /** Its public URL (decision 0154); absent: unchanged (derived from its first host name when never set). */
  publicUrl?: string;
}

/** A public URL as stored: http(s), a host and maybe a port, nothing else; or the problem with it. */
export function checkPublicUrl(raw: string, code: string, hosts: string[]): Result<string> {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return fail(municipalityProblems.badPublicUrl.create({ url: raw }, { field: 'publicUrl' }));
  }
  if (
    (u.protocol !== 'http:' && u.protocol !== 'https:') ||
    u.username ||
    u.password ||
    u.pathname !== '/' ||
    u.search ||
    u.hash ||
    !u.hostname
  )
    return fail(municipalityProblems.badPublicUrl.create({ url: raw }, { field: 'publicUrl' }));
  if (!hosts.map(normalizeHost).includes(normalizeHost(u.host)))
    return fail(municipalityProblems.publicUrlHost.create({ url: raw, code }, { field: 'publicUrl' }));
  return ok(u.origin);
}

/** Thrown inside the transaction to roll it back with these problems. */
class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.code).join(', '));
  }
}

/**
 * Registers the municipality with its hosts (and public URL), stores its plan
 * and creates its first administrator in ONE transaction (decision 0156): a
 * failure at any step (a database error, a plan conflict, an administrator
 * that exists) leaves nothing — no registry entry, host, plan, account or
 * audit entry. Everything that can be checked before (the code, hosts, URL,
 * plan file, administrator's login; the password hash) is checked first.
 * Without a plan, adds host names (or the URL) to a registered municipality.
 */
export async function addMunicipality(
  ctx: AppContext,
  input: AddMunicipalityInput,
): Promise<
  Result<{
    municipality: RegisteredMunicipality;
    planCode?: string;
    planVersion?: number;
    admin?: { login: string; oneTimePassword?: string };
  }>
> {
  if (!/^[0-9]{5,6}$/.test(input.code))
    return fail(municipalityProblems.badCode.create({ code: input.code }));
  for (const h of input.hosts) {
    const host = normalizeHost(h);
    if (!/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(host) || host.startsWith('.') || host.endsWith('-'))
      return fail(municipalityProblems.badHost.create({ host: h }));
  }
  const registered = (await listMunicipalities(ctx.database.db)).find((m) => m.code === input.code);
  if (!input.plan && !registered) return fail(municipalityProblems.planNeeded.create({ code: input.code }));
  let name = registered?.name;
  let doc: PlanDocument | undefined;
  if (input.plan) {
    const loaded = loadPlanText(input.plan.text, input.plan.file);
    if (!loaded.ok) return loaded;
    doc = loaded.value;
    if (doc.municipality.code !== input.code)
      return fail(
        municipalityProblems.planForAnother.create({ code: input.code, named: doc.municipality.code }),
      );
    name = doc.municipality.name;
  }
  let publicUrl: string | undefined;
  if (input.publicUrl !== undefined) {
    const checked = checkPublicUrl(input.publicUrl, input.code, [
      ...(registered?.hosts ?? []),
      ...input.hosts,
    ]);
    if (!checked.ok) return checked;
    publicUrl = checked.value;
  }
  // A municipality added with its plan gets its own administrator (accounts are per municipality).
  const adminLogin = input.admin === false || !doc ? undefined : (input.admin?.login ?? 'admin');
  let admin: PreparedUser | undefined;
  if (adminLogin !== undefined) {
    const prepared = await withMunicipality(input.code, () =>
      prepareUser(ctx, { login: adminLogin, role: 'admin' }, { actor: input.actor }),
    );
    if (!prepared.ok) return prepared;
    admin = prepared.value;
  }
  let saved: { code: string; version: number } | undefined;
  try {
    await globally(() =>
      ctx.database.db.transaction().execute(async (tx) => {
        await registerMunicipalityIn(
          tx,
          { code: input.code, name: name!, hosts: input.hosts, ...(publicUrl ? { publicUrl } : {}) },
          { actor: input.actor },
        );
        if (!doc) return;
        // The rest of this transaction works as the municipality: its role and rows only.
        await actAsMunicipalityIn(tx, input.code);
        saved = await savePlanVersion(tx, doc, { actor: input.actor, note: 'municipality added' });
        if (admin) {
          const admins = await accountDb(tx)
            .selectFrom('users')
            .select('id')
            .where('role', '=', 'admin')
            .execute();
          if (admins.length > 0) throw new Refused([authProblems.adminExists.create({})]);
          await storePreparedUser(tx, admin, { actor: input.actor });
        }
      }),
    );
  } catch (error) {
    if (error instanceof Refused) return fail(error.problems);
    if (error instanceof HostTaken)
      return fail(municipalityProblems.hostTaken.create({ host: error.host, owner: error.owner }));
    // Another process stored the same account or plan at the same moment: nothing of this remains.
    if (isUniqueViolation(error) && admin && (error as { table?: string }).table === 'users')
      return fail(authProblems.loginTaken.create({ login: admin.login }, { field: 'login' }));
    if (error instanceof PlanVersionConflict || isUniqueViolation(error))
      return fail(planUseCaseProblems.versionConflict.create({ expected: 0, actual: 0 }));
    throw error;
  } finally {
    registryChanged();
  }
  const municipality = (await listMunicipalities(ctx.database.db)).find((m) => m.code === input.code)!;
  return ok({
    municipality,
    ...(saved ? { planCode: saved.code, planVersion: saved.version } : {}),
    ...(admin
      ? {
          admin: {
            login: admin.login,
            ...(admin.oneTimePassword ? { oneTimePassword: admin.oneTimePassword } : {}),
          },
        }
      : {}),
  });
}

/**
 * Sets a registered municipality's public URL, or with null clears it (then derived from its
 * first host name), audited in its trail (`municipality.public-url`); decision 0154.
 */
export async function updateMunicipality(
  ctx: AppContext,
  input: { code: string; publicUrl: string | null; actor: string },
): Promise<Result<RegisteredMunicipality>> {
  const registered = (await listMunicipalities(ctx.database.db)).find((m) => m.code === input.code);
  if (!registered) return fail(municipalityProblems.notRegistered.create({ code: input.code }));
  let publicUrl: string | null = null;
  if (input.publicUrl !== null) {
    const checked = checkPublicUrl(input.publicUrl, input.code, registered.hosts);
    if (!checked.ok) return checked;
    publicUrl = checked.value;
  }
  await setMunicipalityPublicUrl(ctx.database.db, input.code, publicUrl, { actor: input.actor });
  return ok((await listMunicipalities(ctx.database.db)).find((m) => m.code === input.code)!);
}

export { listMunicipalities };
