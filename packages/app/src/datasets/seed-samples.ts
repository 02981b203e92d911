/**
 * Loads the manifest's records into a database whose plan was just loaded:
 * the districts' boundaries (with their source and licence), and illustrative
 * sample actual values (e.g. by district, for the map) and sectoral plans,
 * through the same use cases as any import (validated, audited as
 * system:seed). Each sample file is marked sample in its own rows.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { unwrap } from '@mirai/core';
import { importAreaBoundaries } from '../areas/area-boundaries';
import type { AppContext } from '../context';
import { importIndicatorActuals } from '../indicators/record-actuals';
import { readTableFile } from '../io';
import { parseSectoralPlansText, saveSectoralPlan } from '../sectoral/sectoral-plan-use-cases';
import { readDataManifest } from './default-data';

export async function seedSampleRecords(ctx: AppContext): Promise<void> {
  const { samples, boundaries } = await readDataManifest();
  if (boundaries) {
    const text = await readFile(boundaries.file, 'utf8');
    unwrap(
      await importAreaBoundaries(
        ctx,
        {
          text,
          file: basename(boundaries.file),
          source: boundaries.source,
          licence: boundaries.licence,
          sample: boundaries.sample ?? false,
        },
        { actor: 'system:seed' },
      ),
    );
  }
  for (const file of samples?.actuals ?? []) {
    const table = unwrap(await readTableFile(file));
    unwrap(await importIndicatorActuals(ctx, table, { actor: 'system:seed' }));
  }
  for (const file of samples?.sectoralPlans ?? []) {
    const items = unwrap(parseSectoralPlansText(await readFile(file, 'utf8'), basename(file)));
    for (const item of items) unwrap(await saveSectoralPlan(ctx, item, { actor: 'system:seed' }));
  }
}
