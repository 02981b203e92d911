/**
 * Workshops: staff record a workshop (date, place, participants by kind,
 * outputs, the desired states and measures it shaped) and its files (photos
 * and PDFs, checked by size and by their first bytes), edit it (409 on a
 * stale version) and publish it; the public reads published workshops only.
 * Every write is audited.
 */
import { createHash } from 'node:crypto';
import {
  checkUploadedFile,
  checkWorkshopInput,
  fail,
  ok,
  type Problem,
  type Result,
  reportLimits,
  type SniffedType,
  type WorkshopInput,
} from '@mirai/core';
import { audit, type Database } from '@mirai/db';
import { type Selectable, sql, type Transaction } from 'kysely';
import { type Actor, actorLabel } from '../auth/actor';
import { authorize } from '../auth/authorize';
import type { AppContext } from '../context';
import { cocreationProblems as P } from './cocreation-problems';
import { planItems, scopedPlanDocument } from './plan-items';

export interface WorkshopView {
  code: string;
  title: { ja: string; en: string | null };
  heldOn: string;
  place: string;
  participants: Record<string, number>;
  /** Everyone who took part. */
  participantTotal: number;
  outputs: string[];
  shaped: { code: string; kind: 'field' | 'measure'; name: { ja: string; en?: string } | null }[];
  published: boolean;
  publishedAt: string | null;
  sample: boolean;
  version: number;
  files: { id: string; name: string; mediaType: string; sizeBytes: number }[];
}

export interface UploadedWorkshopFile {
  name: string;
  bytes: Uint8Array;
}

const fileTypes: readonly SniffedType[] = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
];
const isStaff = (actor: Actor) => authorize(actor, 'cocreation:manage-workshops').ok;
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The desired states (fields) and measures a workshop may name. */
async function shapeable(ctx: AppContext) {
  const doc = await scopedPlanDocument(ctx);
  const out = new Map<string, { kind: 'field' | 'measure'; name: { ja: string; en?: string } }>();
  for (const f of doc?.fields ?? []) out.set(f.code, { kind: 'field', name: f.name });
  for (const i of (await planItems(ctx)).values())
    if (i.kind === 'measure') out.set(i.code, { kind: 'measure', name: i.name });
  return out;
}

type Row = Selectable<Database['workshops']>;

/** A `date` column as YYYY-MM-DD (drivers give a string or a local-midnight Date). */
const isoDay = (v: unknown) => {
  if (typeof v === 'string') return v.slice(0, 10);
  const d = v as Date;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function toViews(ctx: AppContext, rows: Row[]): Promise<WorkshopView[]> {
  if (rows.length === 0) return [];
  const names = await shapeable(ctx);
  const files = await ctx.database.db
    .selectFrom('workshop_files')
    .select(['id', 'workshop_id', 'file_name', 'media_type', 'size_bytes'])
    .where(
      'workshop_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const participants = parse<Record<string, number>>(r.participants);
    const shaped = parse<string[]>(r.shaped);
    return {
      code: r.code,
      title: { ja: r.title_ja, en: r.title_en ?? null },
      heldOn: isoDay(r.held_on),
      place: r.place,
      participants,
      participantTotal: Object.values(participants).reduce((a, b) => a + b, 0),
      outputs: parse<string[]>(r.outputs),
      shaped: shaped.map((code) => {
        const n = names.get(code);
        return { code, kind: n?.kind ?? 'measure', name: n?.name ?? null };
      }),
      published: r.published,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      sample: r.sample,
      version: r.version,
      files: files
        .filter((f) => String(f.workshop_id) === String(r.id))
        .map((f) => ({
          id: String(f.id),
          name: f.file_name,
          mediaType: f.media_type,
          sizeBytes: f.size_bytes,
        })),
    };
  });
}

/** Staff see every workshop; the public the published ones. Newest first. */
export async function listWorkshops(ctx: AppContext, actor: Actor): Promise<Result<WorkshopView[]>> {
  let q = ctx.database.db
    .selectFrom('workshops')
    .selectAll()
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc');
  if (!isStaff(actor)) q = q.where('published', '=', true);
  return ok(await toViews(ctx, await q.execute()));
}

export async function getWorkshop(
  ctx: AppContext,
  actor: Actor,
  code: string,
): Promise<Result<WorkshopView>> {
  const row = await ctx.database.db
    .selectFrom('workshops')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row || (!row.published && !isStaff(actor)))
    return fail(P.workshopNotFound.create({ code }, { field: 'code' }));
  return ok((await toViews(ctx, [row]))[0]!);
}

/** Published workshops that shaped a measure (or its field), for the measure's page. */
export async function workshopsShaping(ctx: AppContext, codes: string[]): Promise<WorkshopView[]> {
  const all = await listWorkshops(ctx, { kind: 'anonymous', role: 'public' });
  return all.ok ? all.value.filter((w) => w.shaped.some((s) => codes.includes(s.code))) : [];
}

async function checkAll(ctx: AppContext, input: WorkshopInput, files: UploadedWorkshopFile[]) {
  const problems: Problem[] = checkWorkshopInput(input);
  const names = await shapeable(ctx);
  for (const code of input.shaped)
    if (!names.has(code)) problems.push(P.unknownItem.create({ code }, { field: 'shaped' }));
  const checked = files.map((f) => ({ f, r: checkUploadedFile(f.name, f.bytes, fileTypes) }));
  for (const c of checked) if ('problems' in c.r) problems.push(...c.r.problems);
  return { problems, checked };
}

async function insertFiles(
  tx: Transaction<Database>,
  workshopId: number,
  checked: { f: UploadedWorkshopFile; r: { type: SniffedType } | { problems: Problem[] } }[],
) {
  for (const c of checked) {
    if (!('type' in c.r)) continue;
    await tx
      .insertInto('workshop_files')
      .values({
        workshop_id: workshopId,
        file_name: c.f.name.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200),
        media_type: c.r.type,
        size_bytes: c.f.bytes.length,
        sha256: createHash('sha256').update(c.f.bytes).digest('hex'),
        content: c.f.bytes,
      })
      .execute();
  }
}

const columns = (w: WorkshopInput) => ({
  title_ja: w.title.ja.trim(),
  title_en: w.title.en?.trim() || null,
  held_on: w.heldOn,
  place: w.place.trim(),
  participants: JSON.stringify(
    Object.fromEntries(Object.entries(w.participants).filter(([, n]) => n !== undefined && n > 0)),
  ),
  outputs: JSON.stringify(w.outputs.map((o) => o.trim())),
  shaped: JSON.stringify([...new Set(w.shaped)]),
});

/** Records a new workshop (unpublished), with its files. */
export async function createWorkshop(
  ctx: AppContext,
  actor: Actor,
  input: WorkshopInput,
  files: UploadedWorkshopFile[] = [],
): Promise<Result<WorkshopView>> {
  const allowed = authorize(actor, 'cocreation:manage-workshops');
  if (!allowed.ok) return allowed;
  const { problems, checked } = await checkAll(ctx, input, files);
  if (files.length > reportLimits.files * 2)
    problems.push(P.badValue.create({ field: 'files', value: String(files.length) }, { field: 'files' }));
  const exists = await ctx.database.db
    .selectFrom('workshops')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (exists) problems.push(P.workshopExists.create({ code: input.code }, { field: 'code' }));
  if (problems.length > 0) return fail(problems);
  await ctx.database.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('workshops')
      .values({ code: input.code, ...columns(input), sample: input.sample === true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertFiles(tx, id, checked);
    await audit(tx, {
      actor: actorLabel(actor),
      action: 'workshop.create',
      entityType: 'workshop',
      entityId: input.code,
      after: { ...input, files: files.map((f) => ({ name: f.name, bytes: f.bytes.length })) },
    });
  });
  return getWorkshop(ctx, actor, input.code);
}

/** Edits a workshop (and adds files) at the version read; a stale version is a conflict (409). */
export async function updateWorkshop(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: Omit<WorkshopInput, 'code'> & { expectedVersion: number },
  files: UploadedWorkshopFile[] = [],
): Promise<Result<WorkshopView>> {
  const allowed = authorize(actor, 'cocreation:manage-workshops');
  if (!allowed.ok) return allowed;
  const before = await ctx.database.db
    .selectFrom('workshops')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!before) return fail(P.workshopNotFound.create({ code }, { field: 'code' }));
  const { problems, checked } = await checkAll(ctx, { ...input, code }, files);
  if (problems.length > 0) return fail(problems);
  const stale = await ctx.database.db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('workshops')
      .set({ ...columns({ ...input, code }), version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', before.id)
      .where('version', '=', input.expectedVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return true;
    await insertFiles(tx, before.id, checked);
    await audit(tx, {
      actor: actorLabel(actor),
      action: 'workshop.update',
      entityType: 'workshop',
      entityId: code,
      before: { ...columns({ ...fromRow(before), code }), version: before.version },
      after: {
        ...columns({ ...input, code }),
        version: before.version + 1,
        addedFiles: files.map((f) => f.name),
      },
    });
    return false;
  });
  if (stale) return fail(P.staleVersion.create({ expected: input.expectedVersion, actual: before.version }));
  return getWorkshop(ctx, actor, code);
}

function fromRow(r: Row): Omit<WorkshopInput, 'code'> {
  return {
    title: { ja: r.title_ja, ...(r.title_en ? { en: r.title_en } : {}) },
    heldOn: isoDay(r.held_on),
    place: r.place,
    participants: parse(r.participants),
    outputs: parse(r.outputs),
    shaped: parse(r.shaped),
  };
}

/** Publishes (or withdraws) a workshop at the version read. */
export async function publishWorkshop(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: { expectedVersion: number; publish?: boolean },
): Promise<Result<WorkshopView>> {
  const allowed = authorize(actor, 'cocreation:manage-workshops');
  if (!allowed.ok) return allowed;
  const publish = input.publish !== false;
  const before = await ctx.database.db
    .selectFrom('workshops')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!before) return fail(P.workshopNotFound.create({ code }, { field: 'code' }));
  const stale = await ctx.database.db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('workshops')
      .set({
        published: publish,
        published_at: publish ? (before.published_at ?? new Date()) : null,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', before.id)
      .where('version', '=', input.expectedVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return true;
    await audit(tx, {
      actor: actorLabel(actor),
      action: publish ? 'workshop.publish' : 'workshop.withdraw',
      entityType: 'workshop',
      entityId: code,
      before: { published: before.published, version: before.version },
      after: { published: publish, version: before.version + 1 },
    });
    return false;
  });
  if (stale) return fail(P.staleVersion.create({ expected: input.expectedVersion, actual: before.version }));
  return getWorkshop(ctx, actor, code);
}

/** A workshop's file: public when the workshop is published; staff otherwise. */
export async function workshopFile(
  ctx: AppContext,
  actor: Actor,
  code: string,
  fileId: string,
): Promise<Result<{ name: string; mediaType: string; bytes: Uint8Array }>> {
  const w = await getWorkshop(ctx, actor, code);
  if (!w.ok) return w;
  if (!/^[1-9][0-9]{0,17}$/.test(fileId)) return fail(P.workshopNotFound.create({ code }));
  const f = await ctx.database.db
    .selectFrom('workshop_files as f')
    .innerJoin('workshops as w', 'w.id', 'f.workshop_id')
    .select(['f.file_name', 'f.media_type', 'f.content'])
    .where('f.id', '=', fileId)
    .where('w.code', '=', code)
    .executeTakeFirst();
  if (!f) return fail(P.workshopNotFound.create({ code }));
  return ok({ name: f.file_name, mediaType: f.media_type, bytes: f.content });
}
