/**
 * Workshops: public reads of published workshops and their files; staff
 * record (multipart, with files), edit at the version read (409 when stale)
 * and publish or withdraw them.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createWorkshop,
  getWorkshop,
  listWorkshops,
  publishWorkshop,
  type UploadedWorkshopFile,
  updateWorkshop,
  workshopFile,
} from '@mirai/app';
import { type WorkshopInput, workshopParticipantKinds } from '@mirai/core';
import type { ApiEnv } from '../api-env';
import { errors, userActorOf } from '../auth/route-helpers';
import { json, jsonBody, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
const id = z.string().regex(/^[1-9][0-9]{0,17}$/);
const notFound = { 404: json(errorSchema, 'Not found') };
const workshopSchema = z
  .object({
    code: z.string(),
    title: z.object({ ja: z.string(), en: z.string().nullable() }),
    heldOn: z.string(),
    place: z.string(),
    participants: z.record(z.string(), z.number().int()),
    participantTotal: z.number().int(),
    outputs: z.array(z.string()),
    shaped: z.array(z.object({ code: z.string(), kind: z.enum(['field', 'measure']) }).passthrough()),
    published: z.boolean(),
    publishedAt: z.string().nullable(),
    sample: z.boolean(),
    version: z.number().int(),
    files: z.array(
      z.object({ id: z.string(), name: z.string(), mediaType: z.string(), sizeBytes: z.number() }),
    ),
  })
  .openapi('Workshop');

const multipartNote =
  'multipart/form-data: code, titleJa, titleEn, heldOn (YYYY-MM-DD), place, participants.KIND (' +
  `${workshopParticipantKinds.join(', ')}), outputs (one per line), shaped (codes, repeated or comma-separated), files`;

const listRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/workshops',
    tags: ['co-creation'],
    summary: 'Workshops (the public: published ones; staff: all)',
    responses: { 200: json(z.array(workshopSchema), 'Workshops') },
  }),
);
const showRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/workshops/{code}',
    tags: ['co-creation'],
    summary: 'One workshop (published, or any for staff)',
    request: { params: z.object({ code }) },
    responses: { 200: json(workshopSchema, 'The workshop'), ...notFound },
  }),
);
const fileRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/workshops/{code}/files/{fileId}',
    tags: ['co-creation'],
    summary: "A workshop's file (public once the workshop is published)",
    request: { params: z.object({ code, fileId: id }) },
    responses: {
      200: {
        description: 'The file (a photo or a PDF; its type is the one its first bytes showed)',
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...notFound,
    },
  }),
);
const createWorkshopRoute = withPolicy(
  'cocreation:manage-workshops',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/workshops',
    tags: ['co-creation'],
    summary: `Record a workshop (unpublished). ${multipartNote}`,
    responses: { 200: json(workshopSchema, 'Recorded'), ...errors, 409: json(errorSchema, 'Exists') },
  }),
);
const updateRoute = withPolicy(
  'cocreation:manage-workshops',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/workshops/{code}',
    tags: ['co-creation'],
    summary: `Edit a workshop at the version read (expectedVersion; 409 when stale); new files are added. ${multipartNote}`,
    request: { params: z.object({ code }) },
    responses: {
      200: json(workshopSchema, 'Edited'),
      ...errors,
      ...notFound,
      409: json(errorSchema, 'Conflict'),
    },
  }),
);
const publishRoute = withPolicy(
  'cocreation:manage-workshops',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/workshops/{code}/publish',
    tags: ['co-creation'],
    summary: 'Publish (or, with publish: false, withdraw) a workshop at the version read',
    request: {
      params: z.object({ code }),
      body: jsonBody(z.object({ expectedVersion: z.number().int().min(1), publish: z.boolean().optional() })),
    },
    responses: {
      200: json(workshopSchema, 'Published'),
      ...errors,
      ...notFound,
      409: json(errorSchema, 'Conflict'),
    },
  }),
);

type Form = Record<string, string | File | (string | File)[]>;
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const list = (v: unknown) =>
  ([] as unknown[])
    .concat(v ?? [])
    .filter((x): x is string => typeof x === 'string')
    .flatMap((x) => x.split(/[,\s]+/))
    .filter(Boolean);

/** The workshop fields of a multipart form (problems are found by the use case's checks). */
function workshopOf(form: Form): Omit<WorkshopInput, 'code'> {
  const participants: Record<string, number> = {};
  for (const [k, v] of Object.entries(form)) {
    if (!k.startsWith('participants.') || str(v).trim() === '') continue;
    participants[k.slice('participants.'.length)] = Number(str(v).replace(/[,，]/g, ''));
  }
  const en = str(form.titleEn).trim();
  return {
    title: { ja: str(form.titleJa), ...(en ? { en } : {}) },
    heldOn: str(form.heldOn),
    place: str(form.place),
    participants,
    outputs: str(form.outputs)
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    shaped: list(form.shaped),
  };
}

async function filesOf(form: Form): Promise<UploadedWorkshopFile[]> {
  const files = ([] as unknown[])
    .concat(form.files ?? [])
    .filter((f): f is File => f instanceof File && f.size > 0);
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

export function registerWorkshopRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => respond(c, await listWorkshops(c.get('ctx'), c.get('actor'))));
  app.openapi(showRoute, async (c) =>
    respond(c, await getWorkshop(c.get('ctx'), c.get('actor'), c.req.valid('param').code)),
  );
  app.openapi(fileRoute, async (c) => {
    const p = c.req.valid('param');
    const f = await workshopFile(c.get('ctx'), c.get('actor'), p.code, p.fileId);
    if (!f.ok) return respond(c, f);
    return c.body(f.value.bytes as never, 200, {
      'Content-Type': f.value.mediaType,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(f.value.name)}`,
      'X-Content-Type-Options': 'nosniff',
    }) as never;
  });
  app.openapi(createWorkshopRoute, async (c) => {
    const form = (await c.req.parseBody({ all: true })) as Form;
    const input = {
      code: str(form.code),
      ...workshopOf(form),
      ...(str(form.sample) === 'true' ? { sample: true } : {}),
    };
    return respond(c, await createWorkshop(c.get('ctx'), userActorOf(c), input, await filesOf(form)));
  });
  app.openapi(updateRoute, async (c) => {
    const form = (await c.req.parseBody({ all: true })) as Form;
    const input = { ...workshopOf(form), expectedVersion: Number(str(form.expectedVersion)) };
    return respond(
      c,
      await updateWorkshop(
        c.get('ctx'),
        userActorOf(c),
        c.req.valid('param').code,
        input,
        await filesOf(form),
      ),
    );
  });
  app.openapi(publishRoute, async (c) => {
    const b = c.req.valid('json');
    return respond(
      c,
      await publishWorkshop(c.get('ctx'), userActorOf(c), c.req.valid('param').code, {
        expectedVersion: b.expectedVersion,
        ...(b.publish !== undefined ? { publish: b.publish } : {}),
      }),
    );
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const workshopRoutes = [
  listRoute,
  showRoute,
  fileRoute,
  createWorkshopRoute,
  updateRoute,
  publishRoute,
] as const;
