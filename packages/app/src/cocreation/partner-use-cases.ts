/**
 * Partners: list and read (contacts for staff only; the public sees partners
 * that agreed to be listed), add, link to plan items with a role, and the
 * first-start seed of the plan file's sample partners (marked sample).
 */
import {
  fail,
  isLinkRole,
  isPartnerKind,
  type LinkRole,
  ok,
  type PartnerKind,
  type Problem,
  partnerKindAliases,
  type Result,
} from '@mirai/core';
import { audit, type Database } from '@mirai/db';
import type { Kysely } from 'kysely';
import { type Actor, actorLabel } from '../auth/actor';
import { authorize } from '../auth/authorize';
import type { AppContext } from '../context';
import { cocreationProblems as P } from './cocreation-problems';
import { planItems, planMeasures, planPartners } from './plan-items';

export interface Contact {
  name: string;
  email?: string;
  phone?: string;
  role?: string;
}

export interface PartnerLink {
  itemCode: string;
  itemKind: 'measure' | 'project' | 'indicator';
  role: LinkRole;
  itemName: { ja: string; en?: string } | null;
}

export interface PartnerView {
  code: string;
  kind: PartnerKind;
  location: 'inside' | 'outside';
  name: { ja: string; en: string | null };
  description: { ja: string | null; en: string | null };
  website: string | null;
  listed: boolean;
  sample: boolean;
  version: number;
  links: PartnerLink[];
  /** Staff only. */
  contacts?: Contact[];
}

export interface NewPartner {
  code: string;
  kind: string;
  location: string;
  name: { ja: string; en?: string };
  description?: { ja?: string; en?: string };
  website?: string;
  contacts?: Contact[];
  listed?: boolean;
  sample?: boolean;
}

type Row = Database['partners'] extends infer T ? { [K in keyof T]: unknown } : never;

async function linksOf(db: Kysely<Database>, partnerIds: number[]) {
  if (partnerIds.length === 0) return [];
  return db
    .selectFrom('partner_links')
    .selectAll()
    .where('partner_id', 'in', partnerIds)
    .orderBy('item_code')
    .execute();
}

async function toViews(ctx: AppContext, rows: Row[], withContacts: boolean): Promise<PartnerView[]> {
  const items = await planItems(ctx);
  const links = await linksOf(
    ctx.database.db,
    rows.map((r) => r.id as number),
  );
  return rows.map((r) => ({
    code: r.code as string,
    kind: r.kind as PartnerKind,
    location: r.location as 'inside' | 'outside',
    name: { ja: r.name_ja as string, en: (r.name_en as string | null) ?? null },
    description: {
      ja: (r.description_ja as string | null) ?? null,
      en: (r.description_en as string | null) ?? null,
    },
    website: (r.website as string | null) ?? null,
    listed: r.listed as boolean,
    sample: r.sample as boolean,
    version: r.version as number,
    links: links
      .filter((l) => l.partner_id === r.id)
      .map((l) => ({
        itemCode: l.item_code,
        itemKind: l.item_kind as PartnerLink['itemKind'],
        role: l.role as LinkRole,
        itemName: items.get(l.item_code)?.name ?? null,
      })),
    ...(withContacts
      ? { contacts: (typeof r.contacts === 'string' ? JSON.parse(r.contacts) : r.contacts) as Contact[] }
      : {}),
  }));
}

const isStaff = (actor: Actor) => authorize(actor, 'cocreation:read-partners').ok;

/** Staff see every partner with contacts; everyone else the listed ones, without contacts. */
export async function listPartners(ctx: AppContext, actor: Actor): Promise<Result<PartnerView[]>> {
  const staff = isStaff(actor);
  let q = ctx.database.db.selectFrom('partners').selectAll().orderBy('code');
  if (!staff) q = q.where('listed', '=', true);
  return ok(await toViews(ctx, (await q.execute()) as Row[], staff));
}

export async function getPartner(ctx: AppContext, actor: Actor, code: string): Promise<Result<PartnerView>> {
  const staff = isStaff(actor);
  const own = actor.kind === 'user' && actor.role === 'partner' && actor.links.includes(code);
  const row = await ctx.database.db
    .selectFrom('partners')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row || (!staff && !own && !row.listed))
    return fail(P.partnerNotFound.create({ code }, { field: 'code' }));
  const [view] = await toViews(ctx, [row as Row], staff || own);
  return ok(view!);
}

function checkPartner(p: NewPartner): { problems: Problem[]; kind: PartnerKind } {
  const problems: Problem[] = [];
  const kind = partnerKindAliases[p.kind] ?? p.kind;
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(p.code))
    problems.push(P.badValue.create({ field: 'code', value: p.code }, { field: 'code' }));
  if (!isPartnerKind(kind))
    problems.push(P.badValue.create({ field: 'kind', value: p.kind }, { field: 'kind' }));
  if (p.location !== 'inside' && p.location !== 'outside')
    problems.push(P.badValue.create({ field: 'location', value: p.location }, { field: 'location' }));
  if (!p.name.ja.trim() || p.name.ja.length > 200)
    problems.push(P.badValue.create({ field: 'name.ja', value: p.name.ja }, { field: 'name.ja' }));
  if (p.website && !/^https?:\/\/[^\s]+$/.test(p.website))
    problems.push(P.badValue.create({ field: 'website', value: p.website }, { field: 'website' }));
  return { problems, kind: kind as PartnerKind };
}

export async function addPartner(
  ctx: AppContext,
  actor: Actor | { cli: string },
  p: NewPartner,
): Promise<Result<PartnerView>> {
  if (!('cli' in actor)) {
    const allowed = authorize(actor, 'cocreation:manage-partners');
    if (!allowed.ok) return allowed;
  }
  const { problems, kind } = checkPartner(p);
  if (problems.length > 0) return fail(problems);
  const exists = await ctx.database.db
    .selectFrom('partners')
    .select('id')
    .where('code', '=', p.code)
    .executeTakeFirst();
  if (exists) return fail(P.partnerExists.create({ code: p.code }, { field: 'code' }));
  await ctx.database.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('partners')
      .values({
        code: p.code,
        kind,
        location: p.location,
        name_ja: p.name.ja.trim(),
        name_en: p.name.en?.trim() || null,
        description_ja: p.description?.ja ?? null,
        description_en: p.description?.en ?? null,
        website: p.website ?? null,
        contacts: JSON.stringify(p.contacts ?? []),
        listed: p.listed ?? false,
        sample: p.sample ?? false,
      })
      .execute();
    await audit(tx, {
      actor: actorLabel(actor),
      action: 'partner.create',
      entityType: 'partner',
      entityId: p.code,
      after: p,
    });
  });
  return getPartnerAsStaff(ctx, p.code);
}

async function getPartnerAsStaff(ctx: AppContext, code: string): Promise<Result<PartnerView>> {
  const row = await ctx.database.db
    .selectFrom('partners')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) return fail(P.partnerNotFound.create({ code }, { field: 'code' }));
  return ok((await toViews(ctx, [row as Row], true))[0]!);
}

/** Links a partner to a measure, project or indicator with a role (replacing the role of an existing link). */
export async function linkPartner(
  ctx: AppContext,
  actor: Actor | { cli: string },
  input: { partner: string; item: string; role: string; unlink?: boolean },
): Promise<Result<PartnerView>> {
  if (!('cli' in actor)) {
    const allowed = authorize(actor, 'cocreation:manage-partners');
    if (!allowed.ok) return allowed;
  }
  const row = await ctx.database.db
    .selectFrom('partners')
    .select(['id'])
    .where('code', '=', input.partner)
    .executeTakeFirst();
  const item = (await planItems(ctx)).get(input.item);
  const problems: Problem[] = [];
  if (!row) problems.push(P.partnerNotFound.create({ code: input.partner }, { field: 'partner' }));
  if (!item) problems.push(P.unknownItem.create({ code: input.item }, { field: 'item' }));
  if (!input.unlink && !isLinkRole(input.role))
    problems.push(P.badValue.create({ field: 'role', value: input.role }, { field: 'role' }));
  if (problems.length > 0 || !row || !item) return fail(problems);
  await ctx.database.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('partner_links')
      .select(['role'])
      .where('partner_id', '=', row.id)
      .where('item_code', '=', item.code)
      .executeTakeFirst();
    await tx
      .deleteFrom('partner_links')
      .where('partner_id', '=', row.id)
      .where('item_code', '=', item.code)
      .execute();
    if (!input.unlink)
      await tx
        .insertInto('partner_links')
        .values({ partner_id: row.id, item_code: item.code, item_kind: item.kind, role: input.role })
        .execute();
    await audit(tx, {
      actor: actorLabel(actor),
      action: input.unlink ? 'partner.unlink' : 'partner.link',
      entityType: 'partner',
      entityId: input.partner,
      before: before ?? null,
      after: input.unlink ? null : { item: item.code, role: input.role },
    });
  });
  return getPartnerAsStaff(ctx, input.partner);
}

/** Partner codes linked to an item (for the scope check of a partner account). */
export async function partnersLinkedTo(db: Kysely<Database>, itemCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partner_links')
    .innerJoin('partners', 'partners.id', 'partner_links.partner_id')
    .select('partners.code')
    .where('partner_links.item_code', '=', itemCode)
    .execute();
  return rows.map((r) => r.code);
}

/**
 * First start: the plan file's partners become database partners (marked
 * sample when the plan marks them), linked as co-creators to the measures
 * that name them and to those measures' projects. Runs once (empty table only).
 */
export async function seedSamplePartners(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const any = await db.selectFrom('partners').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const partners = await planPartners(ctx);
  const measures = await planMeasures(ctx);
  const items = await planItems(ctx);
  if (partners.length === 0) return 0;
  await db.transaction().execute(async (tx) => {
    for (const p of partners) {
      const kind = partnerKindAliases[p.kind] ?? (isPartnerKind(p.kind) ? p.kind : 'resident-group');
      const sample = p.sample === true;
      const { id } = await tx
        .insertInto('partners')
        .values({
          code: p.code,
          kind,
          location: p.location,
          name_ja: p.name.ja,
          name_en: p.name.en ?? null,
          description_ja: sample ? '（サンプル）説明用の架空の団体です。' : null,
          description_en: sample ? '(Sample) A fictitious organisation for illustration.' : null,
          contacts: JSON.stringify(
            sample ? [{ name: '（サンプル）担当者', email: 'contact@example.jp' }] : [],
          ),
          listed: true,
          sample,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const linked = measures.filter((m) => m.partners?.includes(p.code)).map((m) => m.code);
      const codes = [...items.values()].filter(
        (i) => i.kind !== 'indicator' && i.measureCode !== null && linked.includes(i.measureCode),
      );
      for (const i of codes)
        await tx
          .insertInto('partner_links')
          .values({
            partner_id: id,
            item_code: i.code,
            item_kind: i.kind,
            role: i.kind === 'measure' ? 'co-creator' : 'implementer',
          })
          .execute();
      await audit(tx, {
        actor: 'system:seed',
        action: 'partner.create',
        entityType: 'partner',
        entityId: p.code,
        after: { sample },
      });
    }
  });
  return partners.length;
}
