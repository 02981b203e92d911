/** The audit trail: browse (filtered, paged by id) and export a period as CSV or JSON lines. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { actorLabel, browseAudit, checkAuditRange, exportAudit, recordAuditExport } from '@mirai/app';
import { stream } from 'hono/streaming';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { withPolicy } from '../route-table';
import { errors, json, userActorOf } from './route-helpers';

const isoDate = z.string().max(40).openapi({ example: '2026-04-01T00:00:00+09:00' });
const entrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    details: z.unknown(),
  })
  .openapi('AuditEntry');

const browseRoute = withPolicy(
  'audit:read',
  createRoute({
    method: 'get',
    path: '/api/v1/audit',
    tags: ['audit'],
    summary: 'Browse the audit trail (oldest first; pass `after` = previous page’s `next`)',
    request: {
      query: z.object({
        from: isoDate.optional(),
        to: isoDate.optional(),
        entityType: z.string().max(100).optional(),
        entityId: z.string().max(200).optional(),
        actor: z.string().max(200).optional(),
        action: z.string().max(100).optional(),
        after: z
          .string()
          .regex(/^[0-9]{1,15}$/)
          .optional(),
        limit: z
          .string()
          .regex(/^[0-9]{1,4}$/)
          .optional(),
      }),
    },
    responses: {
      200: json(
        z.object({ entries: z.array(entrySchema), next: z.number().nullable() }),
        'A page of entries',
      ),
      ...errors,
    },
  }),
);

const exportRoute = withPolicy(
  'audit:export',
  createRoute({
    method: 'get',
    path: '/api/v1/audit/export',
    tags: ['audit'],
    summary: 'Export the audit trail of a period (from inclusive, to exclusive)',
    request: {
      query: z.object({
        from: isoDate.optional(),
        to: isoDate.optional(),
        format: z.enum(['csv', 'jsonl']).optional(),
      }),
    },
    responses: {
      200: {
        description: 'CSV (UTF-8 with BOM) or JSON lines',
        content: { 'text/csv': { schema: z.string() } },
      },
      ...errors,
    },
  }),
);

const date = (s?: string) => (s === undefined ? undefined : new Date(s));

export function registerAuditRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(browseRoute, async (c) => {
    const q = c.req.valid('query');
    const r = await browseAudit(c.get('ctx'), {
      ...(q.from ? { from: date(q.from) } : {}),
      ...(q.to ? { to: date(q.to) } : {}),
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.after ? { after: Number(q.after) } : {}),
      ...(q.limit ? { limit: Number(q.limit) } : {}),
    });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 200);
  });

  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const from = date(q.from);
    const to = date(q.to);
    const problems = checkAuditRange(from, to);
    if (problems.length > 0) return problemResponse(c, problems) as never;
    const format = q.format ?? 'csv';
    const ctx = c.get('ctx');
    await recordAuditExport(
      ctx,
      actorLabel(userActorOf(c)),
      { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) },
      format,
    );
    c.header(
      'Content-Type',
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    );
    c.header(
      'Content-Disposition',
      `attachment; filename="mirai-audit.${format === 'csv' ? 'csv' : 'jsonl'}"`,
    );
    return stream(c, async (s) => {
      if (format === 'csv') await s.write('\uFEFF');
      for await (const line of exportAudit(
        ctx,
        { ...(from ? { from } : {}), ...(to ? { to } : {}) },
        format,
      )) {
        await s.write(line);
      }
    }) as never;
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const auditRoutes = [browseRoute, exportRoute] as const;
