/**
 * Followers: anyone follows a measure, an indicator or a partner with an
 * e-mail address (confirmed by a signed link), is told once per change
 * (new actual or status, published sheet, accepted report) through the mail outbox,
 * and unfollows with one click. Notices are queued in the change's transaction.
 */
import { createHash } from 'node:crypto';
import { type FollowTarget, fail, followTargets, ok, type Result, voiceProblems } from '@mirai/core';
import { audit, type Database } from '@mirai/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AppContext } from '../context';
import { isMailAddress, mailProblems } from '../mail/mail-config';
import { queueMail } from '../mail/mail-queue';
import { publicUrl } from '../tenancy/public-address';
import { cocreationProblems as P } from './cocreation-problems';
import { planItems } from './plan-items';
import { signToken, verifyToken } from './signed-tokens';

const kindWords: Record<FollowTarget, { ja: string; en: string }> = {
  measure: { ja: '施策', en: 'measure' },
  indicator: { ja: '指標', en: 'indicator' },
  partner: { ja: 'パートナー', en: 'partner' },
};

async function targetName(ctx: AppContext, kind: FollowTarget, code: string) {
  if (kind === 'partner') {
    const p = await ctx.database.db
      .selectFrom('partners')
      .select(['name_ja', 'name_en'])
      .where('code', '=', code)
      .where('listed', '=', true)
      .executeTakeFirst();
    return p ? { ja: p.name_ja, en: p.name_en ?? p.name_ja } : null;
  }
  const item = (await planItems(ctx)).get(code);
  return item && item.kind === kind ? { ja: item.name.ja, en: item.name.en ?? item.name.ja } : null;
}

/** Asks to follow; a confirmation link is mailed (nothing is sent to an unconfirmed address after that). */
export async function requestFollow(
  ctx: AppContext,
  input: { email: string; targetKind: string; targetCode: string },
): Promise<Result<{ status: 'confirmation-sent' | 'already-following' }>> {
  const email = input.email.trim().toLowerCase();
  if (!isMailAddress(email))
    return fail(mailProblems.badAddress.create({ address: email }, { field: 'email' }));
  const kind = input.targetKind as FollowTarget;
  const name = followTargets.includes(kind) ? await targetName(ctx, kind, input.targetCode) : null;
  if (!name) return fail(P.unknownItem.create({ code: input.targetCode }, { field: 'targetCode' }));
  const db = ctx.database.db;
  const pendingToday = await db
    .selectFrom('follows')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('email', '=', email)
    .where('confirmed_at', 'is', null)
    .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  const result = await db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('follows')
      .select(['id', 'confirmed_at'])
      .where('email', '=', email)
      .where('target_kind', '=', kind)
      .where('target_code', '=', input.targetCode)
      .where('unfollowed_at', 'is', null)
      .executeTakeFirst();
    if (existing?.confirmed_at) return 'already-following' as const;
    if (!existing && Number(pendingToday?.n ?? 0) >= 10) return 'limited' as const;
    const id =
      existing?.id ??
      (
        await tx
          .insertInto('follows')
          .values({
            email,
            target_kind: kind,
            target_code: input.targetCode,
            token_hash: createHash('sha256')
              .update(`${email}\n${kind}\n${input.targetCode}\n${Date.now()}`)
              .digest('hex'),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const confirm = `${await publicUrl(ctx, tx)}/follow/confirm?token=${encodeURIComponent(await signToken(tx as unknown as Kysely<Database>, 'follow-confirm', String(id)))}`;
    await queueMail(tx, {
      idempotencyKey: `follow-confirm:${id}`,
      kind: 'follow.confirm',
      to: email,
      subject: `【確認】${kindWords[kind].ja}「${name.ja}」のお知らせ登録 / Confirm following`,
      text: [
        `${kindWords[kind].ja}「${name.ja}」の更新をメールでお知らせします。よろしければ次のリンクを開いて登録を完了してください。`,
        confirm,
        '',
        `To be told by e-mail when the ${kindWords[kind].en} "${name.en}" changes, open the link above.`,
        'お心当たりがない場合は、このメールを破棄してください。 / If this was not you, ignore this message.',
      ].join('\n'),
    });
    await audit(tx, {
      actor: 'public',
      action: 'follow.request',
      entityType: kind,
      entityId: input.targetCode,
      details: { follow: String(id) },
    });
    return 'confirmation-sent' as const;
  });
  ctx.mail.kick();
  if (result === 'limited') return fail(voiceProblems.rateLimited.create({}, { field: 'email' }));
  return ok({ status: result });
}

async function followByToken(ctx: AppContext, purpose: string, token: string) {
  const id = await verifyToken(ctx.database.db, purpose, token);
  if (!id || !/^[0-9]+$/.test(id)) return undefined;
  return ctx.database.db.selectFrom('follows').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function confirmFollow(
  ctx: AppContext,
  token: string,
): Promise<Result<{ targetKind: string; targetCode: string }>> {
  const f = await followByToken(ctx, 'follow-confirm', token);
  if (!f || f.unfollowed_at) return fail(P.badToken.create({}));
  if (!f.confirmed_at)
    await ctx.database.db.transaction().execute(async (tx) => {
      await tx.updateTable('follows').set({ confirmed_at: new Date() }).where('id', '=', f.id).execute();
      await audit(tx, {
        actor: 'public',
        action: 'follow.confirm',
        entityType: f.target_kind,
        entityId: f.target_code,
        details: { follow: String(f.id) },
      });
    });
  return ok({ targetKind: f.target_kind, targetCode: f.target_code });
}

/** One click from the e-mail: stops the notices (kept as a record, never deleted). */
export async function unfollow(
  ctx: AppContext,
  token: string,
): Promise<Result<{ targetKind: string; targetCode: string }>> {
  const f = await followByToken(ctx, 'unfollow', token);
  if (!f) return fail(P.badToken.create({}));
  if (!f.unfollowed_at)
    await ctx.database.db.transaction().execute(async (tx) => {
      await tx.updateTable('follows').set({ unfollowed_at: new Date() }).where('id', '=', f.id).execute();
      await audit(tx, {
        actor: 'public',
        action: 'follow.unfollow',
        entityType: f.target_kind,
        entityId: f.target_code,
        details: { follow: String(f.id) },
      });
    });
  return ok({ targetKind: f.target_kind, targetCode: f.target_code });
}

export interface ChangeNotice {
  /** Names the change once: `actual:123`, `report-accepted:7`, `sheet-published:2024:A-1-M01`. */
  changeKey: string;
  /** What changed (the outbox's kind: `follow.actual`, `follow.status`, `follow.sheet`, `follow.report`). */
  kind: 'actual' | 'status' | 'sheet' | 'report';
  targets: { kind: FollowTarget; code: string }[];
  subject: { ja: string; en: string };
  text: { ja: string; en: string };
  /** Path on the public site (e.g. `/measures/A-1-M01`). */
  path: string;
}

/** Which of these targets have a confirmed follower (`kind:code`), in one read. */
export async function followedTargets(
  tx: Transaction<Database>,
  targets: readonly { kind: FollowTarget; code: string }[],
): Promise<Set<string>> {
  if (targets.length === 0) return new Set();
  const rows = await tx
    .selectFrom('follows')
    .select(['target_kind', 'target_code'])
    .distinct()
    .where('confirmed_at', 'is not', null)
    .where('unfollowed_at', 'is', null)
    .where('target_code', 'in', [...new Set(targets.map((t) => t.code))])
    .execute();
  return new Set(rows.map((r) => `${r.target_kind}:${r.target_code}`));
}

/**
 * Queues one message per confirmed follower address for a change (an address
 * following several of the targets gets one), in the caller's transaction.
 * Call `ctx.mail.kick()` after commit.
 */
export async function notifyFollowers(
  tx: Transaction<Database>,
  ctx: AppContext,
  n: ChangeNotice,
): Promise<number> {
  if (n.targets.length === 0) return 0;
  const rows = await tx
    .selectFrom('follows')
    .select(['id', 'email'])
    .where('confirmed_at', 'is not', null)
    .where('unfollowed_at', 'is', null)
    .where((eb) =>
      eb.or(n.targets.map((t) => eb.and([eb('target_kind', '=', t.kind), eb('target_code', '=', t.code)]))),
    )
    .orderBy('id')
    .execute();
  const seen = new Set<string>();
  let queued = 0;
  const base = rows.length > 0 ? await publicUrl(ctx, tx) : '';
  for (const r of rows) {
    if (seen.has(r.email)) continue;
    seen.add(r.email);
    const off = `${base}/follow/unfollow?token=${encodeURIComponent(await signToken(tx as unknown as Kysely<Database>, 'unfollow', String(r.id)))}`;
    const done = await queueMail(tx, {
      idempotencyKey: `follow:${n.changeKey}:${r.email}`,
      kind: `follow.${n.kind}`,
      to: r.email,
      subject: `${n.subject.ja} / ${n.subject.en}`,
      text: [n.text.ja, `${base}${n.path}`, '', n.text.en, '', `配信停止 / Unfollow: ${off}`].join('\n'),
      headers: { 'List-Unsubscribe': `<${off}>` },
    });
    if (done.ok && done.value.queued) queued++;
  }
  return queued;
}
