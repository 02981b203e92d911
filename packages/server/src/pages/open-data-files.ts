/**
 * The files offered on the open-data page: the plan (generated from the
 * stored plan, its source named from the plan itself) and the static files
 * listed in data/population/open-data.json, each for one municipality and
 * offered only when the stored plan is that municipality's.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '@mirai/app';
import type { PlanTree } from '@mirai/core';
import type { OpenDataFile } from '@mirai/web';

export interface OpenDataEntry extends OpenDataFile {
  /** Path inside the repository for static files; absent for generated ones. */
  path?: string;
  /** The municipality a static file describes. */
  municipalityCode?: string;
  contentType: string;
}

const planFiles: OpenDataEntry[] = [
  {
    href: '/open-data/plan.json',
    name: { ja: '総合計画（構造データ）', en: 'The comprehensive plan (structured data)' },
    format: 'JSON',
    source: '',
    sample: false,
    contentType: 'application/json; charset=utf-8',
  },
  {
    href: '/open-data/plan.yaml',
    name: { ja: '総合計画（YAML）', en: 'The comprehensive plan (YAML)' },
    format: 'YAML',
    source: '',
    sample: false,
    contentType: 'text/yaml; charset=utf-8',
  },
];

const staticFiles: OpenDataEntry[] = JSON.parse(
  readFileSync(resolve(repoRoot, 'data/population/open-data.json'), 'utf8'),
) as OpenDataEntry[];

/** Every file the server knows (routes are registered for all; each answers only for its municipality). */
export const openDataFiles: OpenDataEntry[] = [...planFiles, ...staticFiles];

/** The files offered for the stored plan, the plan's own named as its municipality's. */
export function openDataFilesFor(tree: Pick<PlanTree, 'municipality' | 'plan'> | null): OpenDataEntry[] {
  if (!tree) return [];
  const source = `${tree.municipality.name.ja}「${tree.plan.subtitle ? `${tree.plan.subtitle.ja} ` : ''}${tree.plan.title.ja}」`;
  return [
    ...planFiles.map((f) => ({ ...f, source })),
    ...staticFiles.filter((f) => f.municipalityCode === tree.municipality.code),
  ];
}
