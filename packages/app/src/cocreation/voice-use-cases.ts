/**
 * Residents' voices: comments and proposals on measures and indicators.
 * Reading needs no account; writing needs a confirmed e-mail address (a light
 * sign-up: the first post mails a link, and the post shows once it is opened).
 * Spam protection without outside services (honeypot, signed form time, links,
 * limits per address and client). Staff hide a post with a reason that stays
 * visible, show it again, and answer a proposal linking it to a measure.
 * Nothing is ever deleted.
 */
import { createHash } from 'node:crypto';
import {
  checkVoiceSubmission,
  fail,
  ok,
  type Problem,
  type Result,
  voiceLimits,
  voiceProblems,
} from '@mirai/core';
import { audit, type Database } from '@mirai/db';
import { type Kysely, sql } from 'kysely';
import { type Actor, actorLabel } from '../auth/actor';
import { authorize } from '../auth/authorize';
import type { AppContext } from '../context';
import { isMailAddress, mailProblems } from '../mail/mail-config';
import { queueMail } from '../mail/mail-queue';
import { publicUrl } from '../tenancy/public-address';
import { cocreationProblems as P } from './cocreation-problems';
import { planItems } from './plan-items';
import { signToken, verifyToken } from './signed-tokens';

export interface VoiceView {
  id: string;
  targetKind: 'measure' | 'indicator';
  targetCode: string;
  kind: 'comment' | 'proposal';
  author: string;
  /** Withheld (null) while hidden; the reason shows instead. */
  body: string | null;
  status: 'visible' | 'hidden' | 'awaiting-confirmation';
  hiddenReason: string | null;
  moderatedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  linkedMeasure: string | null;
  createdAt: string;
  version: number;
  /** Staff only: the address and the hidden text. */
  email?: string;
  originalBody?: string;
}

/** A token carrying the time the form was shown (checked when it is sent). */
export async function issueVoiceForm(ctx: AppContext, now = Date.now()): Promise<string> {
  return signToken(ctx.database.db, 'voice-form', String(Math.floor(now / 1000)));
}

export interface VoiceInput {
  targetKind: string;
  targetCode: string;
  kind: string;
  body: string;
  email: string;
  name?: string;
  /** Honeypot. */
  website?: string;
  formToken: string;
}

const hashClient = (client: string) => createHash('sha256').update(`voice-client\n${client}`).digest('hex');

export async function submitVoice(
  ctx: AppContext,
  input: VoiceInput,
  opts: { client: string; now?: number },
): Promise<Result<{ id: string; status: 'visible' | 'awaiting-confirmation' }>> {
  const db = ctx.database.db;
  const issued = await verifyToken(db, 'voice-form', input.formToken);
  if (!issued) return fail(voiceProblems.spam.create({}));
  const now = opts.now ?? Date.now();
  const elapsed = now / 1000 - Number(issued);
  const problems: Problem[] = checkVoiceSubmission({
    body: input.body,
    website: input.website ?? '',
    elapsedSeconds: elapsed,
  });
  if (
    problems.some(
      (p) =>
        p.code === 'voices/spam-suspected' ||
        p.code === 'voices/too-fast' ||
        p.code === 'voices/form-expired',
    )
  )
    return fail(problems);
  const email = input.email.trim().toLowerCase();
  if (!isMailAddress(email))
    problems.push(mailProblems.badAddress.create({ address: email }, { field: 'email' }));
  const item = (await planItems(ctx)).get(input.targetCode);
  if (
    !item ||
    item.kind !== input.targetKind ||
    (input.targetKind !== 'measure' && input.targetKind !== 'indicator')
  )
    problems.push(P.unknownItem.create({ code: input.targetCode }, { field: 'targetCode' }));
  if (input.kind !== 'comment' && input.kind !== 'proposal')
    problems.push(P.badValue.create({ field: 'kind', value: input.kind }, { field: 'kind' }));
  const name = (input.name ?? '').trim().slice(0, voiceLimits.name);
  if (problems.length > 0) return fail(problems);
  const client = hashClient(opts.client);
  const recent = await sql<{ by_address: number; by_client: number }>`
    SELECT
      (SELECT count(*)::int FROM resident_comments c JOIN residents r ON r.id = c.resident_id
        WHERE r.email = ${email} AND c.created_at > now() - interval '1 hour') AS by_address,
      (SELECT count(*)::int FROM resident_comments
        WHERE client_hash = ${client} AND created_at > now() - interval '1 hour') AS by_client`.execute(db);
  const counts = recent.rows[0]!;
  if (counts.by_address >= voiceLimits.perAddressPerHour || counts.by_client >= voiceLimits.perClientPerHour)
    return fail(voiceProblems.rateLimited.create({}));
  const out = await db.transaction().execute(async (tx) => {
    await sql`INSERT INTO residents (email, display_name) VALUES (${email}, ${name || '匿名 / anonymous'})
      ON CONFLICT (municipality_code, email) DO NOTHING`.execute(tx);
    const resident = await tx
      .selectFrom('residents')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const status = resident.confirmed_at ? 'visible' : 'awaiting-confirmation';
    const { id } = await tx
      .insertInto('resident_comments')
      .values({
        resident_id: resident.id,
        target_kind: input.targetKind,
        target_code: input.targetCode,
        kind: input.kind,
        body: input.body.trim(),
        status,
        client_hash: client,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!resident.confirmed_at) {
      const token = await signToken(
        tx as unknown as Kysely<Database>,
        'resident-confirm',
        String(resident.id),
      );
      const link = `${await publicUrl(ctx, tx)}/voices/confirm?token=${encodeURIComponent(token)}`;
      await queueMail(tx, {
        idempotencyKey: `voice-confirm:${id}`,
        kind: 'voices.confirm',
        to: email,
        subject: '【確認】ご意見の投稿 / Confirm your post',
        text: [
          'ご意見ありがとうございます。次のリンクを開くとメールアドレスが確認され、投稿が公開されます。',
          link,
          '',
          'Thank you for your post. Open the link above to confirm your address; the post then appears.',
          'お心当たりがない場合は、このメールを破棄してください。 / If this was not you, ignore this message.',
        ].join('\n'),
      });
    }
    await audit(tx, {
      actor: `resident:${resident.id}`,
      action: 'voice.submit',
      entityType: 'resident-comment',
      entityId: String(id),
      after: { target: `${input.targetKind}:${input.targetCode}`, kind: input.kind, status },
    });
    return { id: String(id), status: status as 'visible' | 'awaiting-confirmation' };
  });
  ctx.mail.kick();
  return ok(out);
}

/** The link from the e-mail: the address is confirmed and the resident's waiting posts show. */
export async function confirmResident(
  ctx: AppContext,
  token: string,
): Promise<Result<{ published: number }>> {
  const id = await verifyToken(ctx.database.db, 'resident-confirm', token);
  if (!id || !/^[0-9]+$/.test(id)) return fail(P.badToken.create({}));
  const published = await ctx.database.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('residents')
      .set({ confirmed_at: sql<Date>`coalesce(confirmed_at, now())` })
      .where('id', '=', Number(id))
      .execute();
    const shown = await tx
      .updateTable('resident_comments')
      .set({ status: 'visible' })
      .where('resident_id', '=', Number(id))
      .where('status', '=', 'awaiting-confirmation')
      .returning('id')
      .execute();
    await audit(tx, {
      actor: `resident:${id}`,
      action: 'resident.confirm',
      entityType: 'resident',
      entityId: id,
      details: { published: shown.length },
    });
    return shown.length;
  });
  return ok({ published });
}

/** Posts on a measure or indicator: the public sees visible and hidden ones (hidden: the reason, not the text). */
export async function listVoices(
  ctx: AppContext,
  actor: Actor,
  q: {
    targetKind?: string;
    targetCode?: string;
    status?: string;
    /** A measure's page: the posts on it and the proposals staff linked to it. */
    aboutMeasure?: string;
  } = {},
): Promise<Result<VoiceView[]>> {
  const staff = authorize(actor, 'cocreation:read-internal').ok;
  let query = ctx.database.db
    .selectFrom('resident_comments as c')
    .innerJoin('residents as r', 'r.id', 'c.resident_id')
    .selectAll('c')
    .select(['r.display_name', 'r.email'])
    .orderBy('c.id', 'desc')
    .limit(500);
  if (q.targetKind) query = query.where('c.target_kind', '=', q.targetKind);
  if (q.targetCode) query = query.where('c.target_code', '=', q.targetCode);
  if (q.status) query = query.where('c.status', '=', q.status);
  const about = q.aboutMeasure;
  if (about)
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('c.target_kind', '=', 'measure'), eb('c.target_code', '=', about)]),
        eb('c.linked_measure', '=', about),
      ]),
    );
  if (!staff) query = query.where('c.status', '<>', 'awaiting-confirmation');
  const rows = await query.execute();
  return ok(
    rows.map((c) => ({
      id: String(c.id),
      targetKind: c.target_kind as VoiceView['targetKind'],
      targetCode: c.target_code,
      kind: c.kind as VoiceView['kind'],
      author: c.display_name,
      body: c.status === 'hidden' ? null : c.body,
      status: c.status as VoiceView['status'],
      hiddenReason: c.hidden_reason,
      moderatedAt: c.moderated_at ? new Date(c.moderated_at).toISOString() : null,
      answer: c.answer,
      answeredAt: c.answered_at ? new Date(c.answered_at).toISOString() : null,
      linkedMeasure: c.linked_measure,
      createdAt: new Date(c.created_at).toISOString(),
      version: c.version,
      ...(staff ? { email: c.email, originalBody: c.body } : {}),
    })),
  );
}

/** Hide (with a reason that stays visible) or show again; the text is kept. */
export async function moderateVoice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { action: 'hide' | 'show'; reason?: string; expectedVersion: number },
): Promise<Result<VoiceView>> {
  const allowed = authorize(actor, 'cocreation:moderate');
  if (!allowed.ok) return allowed;
  const reason = input.reason?.trim() ?? '';
  if (input.action === 'hide' && (reason === '' || reason.length > 500))
    return fail(P.commentRequired.create({}, { field: 'reason' }));
  return updateVoice(ctx, actor, id, input.expectedVersion, `voice.${input.action}`, {
    status: input.action === 'hide' ? 'hidden' : 'visible',
    hidden_reason: input.action === 'hide' ? reason : null,
    moderated_by: actorLabel(actor),
    moderated_at: new Date(),
  });
}

/** Answer a proposal (or comment), optionally linking it to a measure. */
export async function answerVoice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { answer: string; linkedMeasure?: string; expectedVersion: number },
): Promise<Result<VoiceView>> {
  const allowed = authorize(actor, 'cocreation:moderate');
  if (!allowed.ok) return allowed;
  const answer = input.answer.trim();
  if (answer === '' || answer.length > 4000) return fail(P.commentRequired.create({}, { field: 'answer' }));
  if (input.linkedMeasure) {
    const m = (await planItems(ctx)).get(input.linkedMeasure);
    if (m?.kind !== 'measure')
      return fail(P.unknownItem.create({ code: input.linkedMeasure }, { field: 'linkedMeasure' }));
  }
  return updateVoice(ctx, actor, id, input.expectedVersion, 'voice.answer', {
    answer,
    answered_by: actorLabel(actor),
    answered_at: new Date(),
    linked_measure: input.linkedMeasure ?? null,
  });
}

async function updateVoice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number,
  action: string,
  set: Partial<Database['resident_comments']> & Record<string, unknown>,
): Promise<Result<VoiceView>> {
  if (!/^[1-9][0-9]{0,17}$/.test(id)) return fail(P.voiceNotFound.create({ id }));
  const before = await ctx.database.db
    .selectFrom('resident_comments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!before || before.status === 'awaiting-confirmation') return fail(P.voiceNotFound.create({ id }));
  const problem = await ctx.database.db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('resident_comments')
      .set({ ...set, version: sql<number>`version + 1` } as never)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      return P.staleVersion.create({ expected: expectedVersion, actual: before.version });
    await audit(tx, {
      actor: actorLabel(actor),
      action,
      entityType: 'resident-comment',
      entityId: id,
      before: {
        status: before.status,
        hiddenReason: before.hidden_reason,
        answer: before.answer,
        version: before.version,
      },
      after: { ...set, version: before.version + 1 },
    });
    return null;
  });
  if (problem) return fail(problem);
  const list = await listVoices(ctx, actor, {
    targetKind: before.target_kind,
    targetCode: before.target_code,
  });
  const view = list.ok ? list.value.find((v) => v.id === id) : undefined;
  return view ? ok(view) : fail(P.voiceNotFound.create({ id }));
}
