/**
 * Writes a plan document as YAML or JSON with a stable key order, so that an
 * export, an import and a second export give identical text.
 */
import type { PlanDocument } from '@mirai/core';
import { stringify } from 'yaml';
import { planDocumentSchema } from './plan-schema';

export type PlanFormat = 'yaml' | 'json';

export function serializePlan(doc: PlanDocument, format: PlanFormat): string {
  // Re-parse through the schema: drops nothing valid, orders keys as the schema does.
  const ordered = orderLike(planDocumentSchema.parse(doc));
  if (format === 'json') return `${JSON.stringify(ordered, null, 2)}\n`;
  return stringify(ordered, { lineWidth: 0 });
}

/** Sorts object keys of free-form records (anchors, values) for stable output. */
function orderLike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderLike);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = orderLike(v);
    return out;
  }
  return value;
}
