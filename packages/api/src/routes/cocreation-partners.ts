/**
 * Partners and their reports: public reads of listed partners and accepted
 * reports; partners file reports (multipart, with photos) on linked items;
 * staff add and link partners and accept or return reports.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  acceptedReportsFor,
  addPartner,
  getPartner,
  linkPartner,
  listPartners,
  listReports,
  reportFile,
  reviewReport,
  submitReport,
  type UploadedFile,
} from '@mirai/app';
import { linkRoles, partnerKinds, reportStatuses } from '@mirai/core';
import type { ApiEnv } from '../api-env';
import { errors, userActorOf } from '../auth/route-helpers';
import { file, json, jsonBody, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';

const text = z.object({ ja: z.string(), en: z.string().nullable().optional() });
const partnerSchema = z
  .object({
    code: z.string(),
    kind: z.enum(partnerKinds),
    location: z.enum(['inside', 'outside']),
    name: text,
    listed: z.boolean(),
    sample: z.boolean(),
    version: z.number().int(),
    links: z.array(z.object({ itemCode: z.string(), itemKind: z.string(), role: z.enum(linkRoles) })),
    contacts: z
      .array(z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() }))
      .optional(),
  })
  .passthrough()
  .openapi('Partner');
export const reportSchema = z
  .object({
    id: z.string(),
    partner: z.object({ code: z.string(), name: text, sample: z.boolean() }),
    itemCode: z.string(),
    measureCode: z.string(),
    title: z.string(),
    body: z.string(),
    activityDate: z.string(),
    status: z.enum(reportStatuses),
    reviewComment: z.string().nullable(),
    version: z.number().int(),
  })
  .passthrough()
  .openapi('PartnerReport');
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
const id = z.string().regex(/^[1-9][0-9]{0,17}$/);
const notFound = { 404: json(errorSchema, 'Not found') };

const listRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/partners',
    tags: ['co-creation'],
    summary: 'Partners (the public sees those that agreed to be listed; staff also see contacts)',
    responses: { 200: json(z.array(partnerSchema), 'Partners') },
  }),
);
const showRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/partners/{code}',
    tags: ['co-creation'],
    summary: 'One partner and its links',
    request: { params: z.object({ code }) },
    responses: { 200: json(partnerSchema, 'The partner'), ...notFound },
  }),
);
const measureReportsRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/measures/{code}/partner-reports',
    tags: ['co-creation'],
    summary: 'Accepted partner reports on a measure, its projects and indicators',
    request: {
      params: z.object({ code }),
      query: z.object({ fy: z.coerce.number().int().min(1900).max(2200).optional() }),
    },
    responses: { 200: json(z.array(reportSchema), 'Accepted reports') },
  }),
);
const fileRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/partner-reports/{id}/files/{fileId}',
    tags: ['co-creation'],
    summary: 'A photo of a report (public once the report is accepted)',
    request: { params: z.object({ id, fileId: id }) },
    responses: {
      200: file('The file', 'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'),
      ...notFound,
    },
  }),
);
const myReportsRoute = withPolicy(
  'cocreation:read-linked',
  createRoute({
    method: 'get',
    path: '/api/v1/partner-reports',
    tags: ['co-creation'],
    summary: "Reports: a partner's own organisation's; staff every report",
    request: {
      query: z.object({
        status: z.enum(reportStatuses).optional(),
        partner: code.optional(),
        measure: code.optional(),
      }),
    },
    responses: { 200: json(z.array(reportSchema), 'Reports'), ...errors },
  }),
);
const submitRoute = withPolicy(
  'cocreation:report',
  createRoute({
    method: 'post',
    path: '/api/v1/partner-reports',
    tags: ['co-creation'],
    summary: 'File a report on a linked item (multipart/form-data; photos in `photos`)',
    responses: {
      200: json(reportSchema, 'The report as filed'),
      ...errors,
      413: json(errorSchema, 'Too large'),
    },
  }),
);
const reviewRoute = withPolicy(
  'cocreation:review-reports',
  createRoute({
    method: 'post',
    path: '/api/v1/partner-reports/{id}/review',
    tags: ['co-creation'],
    summary: 'Accept or return a report with a comment (required to return)',
    request: {
      params: z.object({ id }),
      body: jsonBody(
        z.object({
          decision: z.enum(['accept', 'return']),
          comment: z.string().max(2000).optional(),
          expectedVersion: z.number().int().min(1),
        }),
      ),
    },
    responses: {
      200: json(reportSchema, 'Reviewed'),
      ...errors,
      ...notFound,
      409: json(errorSchema, 'Conflict'),
    },
  }),
);
const addRoute = withPolicy(
  'cocreation:manage-partners',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/partners',
    tags: ['co-creation'],
    summary: 'Add a partner',
    request: {
      body: jsonBody(
        z.object({
          code: z.string().max(64),
          kind: z.string().max(40),
          location: z.string().max(10),
          name: z.object({ ja: z.string().max(200), en: z.string().max(200).optional() }),
          description: z
            .object({ ja: z.string().max(2000).optional(), en: z.string().max(2000).optional() })
            .optional(),
          website: z.string().max(500).optional(),
          contacts: z
            .array(
              z.object({
                name: z.string().max(100),
                email: z.string().max(254).optional(),
                phone: z.string().max(40).optional(),
                role: z.string().max(100).optional(),
              }),
            )
            .max(20)
            .optional(),
          listed: z.boolean().optional(),
        }),
      ),
    },
    responses: { 200: json(partnerSchema, 'Added'), ...errors, 409: json(errorSchema, 'Exists') },
  }),
);
const linkRoute = withPolicy(
  'cocreation:manage-partners',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/partners/{code}/links',
    tags: ['co-creation'],
    summary: 'Link (or unlink) a partner and a measure, project or indicator with a role',
    request: {
      params: z.object({ code }),
      body: jsonBody(
        z.object({ item: z.string().max(64), role: z.string().max(20), unlink: z.boolean().optional() }),
      ),
    },
    responses: { 200: json(partnerSchema, 'Linked'), ...errors, ...notFound },
  }),
);

const field = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const number = (v: unknown) => (field(v) === undefined ? undefined : Number(String(v).replace(/[,，]/g, '')));

export function registerPartnerRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => respond(c, await listPartners(c.get('ctx'), c.get('actor'))));
  app.openapi(showRoute, async (c) =>
    respond(c, await getPartner(c.get('ctx'), c.get('actor'), c.req.valid('param').code)),
  );
  app.openapi(measureReportsRoute, async (c) => {
    const fy = c.req.valid('query').fy;
    return c.json(await acceptedReportsFor(c.get('ctx'), c.req.valid('param').code, fy), 200) as never;
  });
  app.openapi(fileRoute, async (c) => {
    const p = c.req.valid('param');
    const f = await reportFile(c.get('ctx'), c.get('actor'), p.id, p.fileId);
    if (!f.ok) return respond(c, f);
    return c.body(f.value.bytes as never, 200, {
      'Content-Type': f.value.mediaType,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(f.value.name)}`,
      'X-Content-Type-Options': 'nosniff',
    }) as never;
  });
  app.openapi(myReportsRoute, async (c) => {
    const q = c.req.valid('query');
    return respond(
      c,
      await listReports(c.get('ctx'), c.get('actor'), {
        ...(q.status ? { status: q.status } : {}),
        ...(q.partner ? { partner: q.partner } : {}),
        ...(q.measure ? { measure: q.measure } : {}),
      }),
    );
  });
  app.openapi(submitRoute, async (c) => {
    const form = await c.req.parseBody({ all: true });
    const photos = ([] as unknown[])
      .concat(form.photos ?? [])
      .filter((f): f is File => f instanceof File && f.size > 0);
    const files: UploadedFile[] = await Promise.all(
      photos.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const proposedValue = number(form.proposedValue);
    const input = {
      itemCode: String(form.itemCode ?? ''),
      title: String(form.title ?? ''),
      body: String(form.body ?? ''),
      activityDate: String(form.activityDate ?? ''),
      ...(field(form.place) ? { place: String(form.place) } : {}),
      ...(number(form.peopleReached) !== undefined ? { peopleReached: number(form.peopleReached)! } : {}),
      ...(number(form.hours) !== undefined ? { hours: number(form.hours)! } : {}),
      ...(number(form.moneyYen) !== undefined ? { moneyYen: number(form.moneyYen)! } : {}),
      ...(field(form.indicatorCode) ? { indicatorCode: String(form.indicatorCode) } : {}),
      ...(proposedValue !== undefined ? { proposedValue } : {}),
    };
    return respond(c, await submitReport(c.get('ctx'), userActorOf(c), input, files));
  });
  app.openapi(reviewRoute, async (c) => {
    const b = c.req.valid('json');
    return respond(
      c,
      await reviewReport(c.get('ctx'), userActorOf(c), c.req.valid('param').id, {
        decision: b.decision,
        expectedVersion: b.expectedVersion,
        ...(b.comment !== undefined ? { comment: b.comment } : {}),
      }),
    );
  });
  app.openapi(addRoute, async (c) =>
    respond(c, await addPartner(c.get('ctx'), userActorOf(c), c.req.valid('json') as never)),
  );
  app.openapi(linkRoute, async (c) => {
    const b = c.req.valid('json');
    return respond(
      c,
      await linkPartner(c.get('ctx'), userActorOf(c), {
        partner: c.req.valid('param').code,
        item: b.item,
        role: b.role,
        ...(b.unlink ? { unlink: true } : {}),
      }),
    );
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const partnerRoutes = [
  listRoute,
  showRoute,
  measureReportsRoute,
  fileRoute,
  myReportsRoute,
  submitRoute,
  reviewRoute,
  addRoute,
  linkRoute,
] as const;
