/**
 * Loads the manifest's illustrative sample records into a database whose plan
 * was just loaded: actual values (e.g. by district, for the map) and sectoral
 * plans, through the same use cases as any import (validated, audited as
 * system:seed). Each file is marked sample in its own rows.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { unwrap } from '@mirai/core';
import type { AppContext } from '../context';
import { importIndicatorActuals } from '../indicators/record-actuals';
import { readTableFile } from '../io';
import { parseSectoralPlansText, saveSectoralPlan } from '../sectoral/sectoral-plan-use-cases';
import { readDataManifest } from './default-data';

export async function seedSampleRecords(ctx: AppContext): Promise<void> {
  const { samples } = await readDataManifest();
  for (const file of samples?.actuals ?? []) {
    const table = unwrap(await readTableFile(file));
    unwrap(await importIndicatorActuals(ctx, table, { actor: 'system:seed' }));
  }
  for (const file of samples?.sectoralPlans ?? []) {
    const items = unwrap(parseSectoralPlansText(await readFile(file, 'utf8'), basename(file)));
    for (const item of items) unwrap(await saveSectoralPlan(ctx, item, { actor: 'system:seed' }));
  }
}
