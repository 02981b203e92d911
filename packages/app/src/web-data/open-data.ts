/**
 * The plan's own files, generated from the database at each request: the plan
 * (the version the reader may see) as JSON and YAML. The datasets (statistical
 * tables among them) are in the catalogue (open-data/catalogue.ts).
 */
import { defineProblem, fail, ok, type Result } from '@mirai/core';
import type { AppContext } from '../context';
import { exportPlan, readPlan } from '../plan/plan-use-cases';

export const openDataProblems = {
  notFound: defineProblem<{ href: string }>('open-data/not-found', 'not-found', ({ href }) => ({
    ja: `オープンデータのファイル ${href} はありません`,
    en: `No open-data file ${href}`,
  })),
};

export interface OpenDataEntry {
  href: string;
  name: { ja: string; en?: string };
  format: string;
  source: string;
  sample: boolean;
}

export interface OpenDataBody {
  body: string;
  contentType: string;
  fileName: string;
}

const planHref = { json: '/open-data/plan.json', yaml: '/open-data/plan.yaml' } as const;

/** Every open-data file the reader may download, with its source. */
export async function listOpenData(ctx: AppContext): Promise<Result<OpenDataEntry[]>> {
  const plan = await readPlan(ctx);
  if (!plan.ok) return plan;
  const doc = plan.value.document;
  const planSource = `${doc.municipality.name.ja}「${doc.plan.title.ja}」`;
  return ok([
    {
      href: planHref.json,
      name: { ja: '総合計画（構造データ）', en: 'The comprehensive plan (structured data)' },
      format: 'JSON',
      source: planSource,
      sample: false,
    },
    {
      href: planHref.yaml,
      name: { ja: '総合計画（YAML）', en: 'The comprehensive plan (YAML)' },
      format: 'YAML',
      source: planSource,
      sample: false,
    },
  ]);
}

/** One open-data file by its path under /open-data/, or not-found. */
export async function readOpenData(ctx: AppContext, href: string): Promise<Result<OpenDataBody>> {
  for (const format of ['json', 'yaml'] as const) {
    if (href !== planHref[format]) continue;
    const text = await exportPlan(ctx, format);
    if (!text.ok) return text;
    return ok({
      body: text.value,
      contentType: format === 'json' ? 'application/json; charset=utf-8' : 'text/yaml; charset=utf-8',
      fileName: `plan.${format}`,
    });
  }
  return fail(openDataProblems.notFound.create({ href }, { path: href }));
}
