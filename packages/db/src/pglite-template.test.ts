// Real PGlite clusters on disk: a data directory copied from the template migrates and keeps data.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest } from './create-database';
import { ensureTemplate, seedFromTemplate, templatePath } from './pglite-template';

describe('PGlite template', () => {
  it('starts a new data directory from a copy of the template, and never overwrites one in use', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mirai-tpl-'));
    const templates = join(root, 'templates');
    expect(seedFromTemplate(join(root, 'a'), templates)).toBe(false);
    expect(await ensureTemplate(templates)).toBe(templatePath(templates));
    const first = await createDatabase({ kind: 'pglite', dataDir: join(root, 'a'), templateRoot: templates });
    await migrateToLatest(first.db);
    await sql`CREATE TABLE kept (x int)`.execute(first.db);
    await first.close();
    // The directory now holds a cluster: the template must not replace it.
    expect(seedFromTemplate(join(root, 'a'), templates)).toBe(false);
    const again = await createDatabase({ kind: 'pglite', dataDir: join(root, 'a'), templateRoot: templates });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kept`.execute(again.db);
    expect(rows).toEqual([{ n: 0 }]);
    await again.close();
  });
});
