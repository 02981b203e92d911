/**
 * The scale bench's bulk loader. Importing a municipality through the use cases takes seconds
 * (tens on a loaded machine), too slow for 1,741 of them, so: a template municipality is imported
 * through the ordinary use cases, and its rows are copied set-based (INSERT … SELECT, in batches,
 * as the login role: global work) for every other code, with the municipality code, the plan's
 * id, code and title and the municipality's names replaced, and the ids of actual values shifted
 * by a whole span per copy. Rows are written municipality by municipality in the template's
 * order, so each copy's rows lie together on disk as an import leaves them. A copy therefore has the template's structure and numbers (indicator
 * values are the template's), and its own code, names, host name, plan id and row ids.
 *
 * The copied tables are listed below; any other tenant table holding a template row stops the
 * load (the copy would be incomplete). Triggers and foreign-key checks are off for the copy
 * (session_replication_role = replica): current_actuals, which a trigger fills on insert, is
 * copied with the same id shift; `checkCopies` then compares every copy with the template.
 */
import pg from 'pg';
import { syntheticNames } from '../support/synthetic-municipalities';

/** The tenant tables a template municipality fills, in the order they are copied. */
export const copiedTables = [
  'plans',
  'plan_versions',
  'plan_nodes',
  'indicator_definitions',
  'indicator_targets',
  'indicator_actuals',
  'current_actuals',
  'audit_log',
] as const;

export const hostOf = (code: string) => `m${code}.scale.test`;

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const r = await client.query<{ c: string }>(
    `SELECT column_name AS c FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return r.rows.map((x) => x.c);
}

/** The SELECT list of a copy: every column as is but those given. */
function selectList(columns: string[], replaced: Record<string, string>, alias: string): string {
  return columns.map((c) => replaced[c] ?? `${alias}.${c}`).join(', ');
}

export interface BulkLoadResult {
  copies: number;
  ms: number;
}

/**
 * Copies the template municipality `templateIndex` (already imported) as municipalities
 * `from`…`to` (synthetic indices), `batch` per transaction; `progress` is told after each batch.
 */
export async function bulkCopy(
  url: string,
  opts: {
    templateIndex: number;
    from: number;
    to: number;
    batch?: number;
    progress?: (done: number, total: number, ms: number) => void;
  },
): Promise<BulkLoadResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    const tmpl = syntheticNames(opts.templateIndex);
    // Every tenant table with template rows must be one we copy.
    const tenant = await client.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'municipality_code'
         AND table_name NOT IN ('municipality_hosts')`,
    );
    for (const { t } of tenant.rows) {
      if ((copiedTables as readonly string[]).includes(t)) continue;
      const n = await client.query(`SELECT 1 FROM ${t} WHERE municipality_code = $1 LIMIT 1`, [tmpl.code]);
      if (n.rowCount) throw new Error(`bulk copy: table ${t} has template rows and is not copied`);
    }
    const plan = await client.query<{ id: number }>('SELECT id FROM plans WHERE municipality_code = $1', [
      tmpl.code,
    ]);
    if (plan.rows.length !== 1) throw new Error('bulk copy: the template needs exactly one plan');
    const planId = plan.rows[0]!.id;
    const span = await client.query<{ lo: string; hi: string }>(
      'SELECT min(id)::text AS lo, max(id)::text AS hi FROM indicator_actuals WHERE municipality_code = $1',
      [tmpl.code],
    );
    const lo = BigInt(span.rows[0]!.lo);
    const width = BigInt(span.rows[0]!.hi) - lo + 1n;
    const top = await client.query<{ m: string }>(
      'SELECT coalesce(max(id), 0)::text AS m FROM indicator_actuals',
    );
    const base = BigInt(top.rows[0]!.m);
    const cols = {} as Record<(typeof copiedTables)[number], string[]>;
    for (const t of copiedTables) cols[t] = await columnsOf(client, t);
    // New id of a template actual for copy number n (1-based): above everything stored before.
    const shifted = (col: string) => `(${base} + (m.n - 1) * ${width} + (t.${col} - ${lo}) + 1)`;
    const shiftOrNull = (col: string) => `CASE WHEN t.${col} IS NULL THEN NULL ELSE ${shifted(col)} END`;
    const size = opts.batch ?? 50;
    const total = opts.to - opts.from + 1;
    for (let start = opts.from; start <= opts.to; start += size) {
      const end = Math.min(opts.to, start + size - 1);
      const rows = [];
      for (let i = start; i <= end; i++) {
        const n = syntheticNames(i);
        rows.push([i - opts.from + 1, n.code, n.name.ja, n.name.en, n.planCode, n.title.ja, n.title.en]);
      }
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(
        `CREATE TEMP TABLE m (n int, code text, name_ja text, name_en text, plan_code text, title_ja text,
           title_en text, plan_id int) ON COMMIT DROP`,
      );
      await client.query(
        `INSERT INTO m (n, code, name_ja, name_en, plan_code, title_ja, title_en)
         SELECT * FROM json_to_recordset($1::json) AS x(n int, code text, name_ja text, name_en text,
           plan_code text, title_ja text, title_en text)`,
        [
          JSON.stringify(
            rows.map(([n, code, name_ja, name_en, plan_code, title_ja, title_en]) => ({
              n,
              code,
              name_ja,
              name_en,
              plan_code,
              title_ja,
              title_en,
            })),
          ),
        ],
      );
      await client.query(
        'INSERT INTO municipalities (code, name_ja, name_en) SELECT code, name_ja, name_en FROM m',
      );
      await client.query(
        `INSERT INTO municipality_hosts (host, municipality_code) SELECT 'm' || code || '.scale.test', code FROM m`,
      );
      // Plans: new ids from the sequence, remembered per municipality.
      await client.query(
        `WITH p AS (
           INSERT INTO plans (${cols.plans.filter((c) => c !== 'id').join(', ')})
           SELECT ${selectList(
             cols.plans.filter((c) => c !== 'id'),
             { code: 'm.plan_code', municipality_code: 'm.code' },
             't',
           )}
           FROM plans t CROSS JOIN m WHERE t.id = $1
           RETURNING id, municipality_code)
         UPDATE m SET plan_id = p.id FROM p WHERE p.municipality_code = m.code`,
        [planId],
      );
      const common = { municipality_code: 'm.code', plan_id: 'm.plan_id' };
      await client.query(
        `INSERT INTO plan_versions (${cols.plan_versions.join(', ')})
         SELECT ${selectList(
           cols.plan_versions,
           {
             ...common,
             document: `jsonb_set(jsonb_set(jsonb_set(t.document,
               '{municipality}', jsonb_build_object('code', m.code, 'name', jsonb_build_object('ja', m.name_ja, 'en', m.name_en))),
               '{plan,code}', to_jsonb(m.plan_code)),
               '{plan,title}', jsonb_build_object('ja', m.title_ja, 'en', m.title_en))`,
           },
           't',
         )}
         FROM plan_versions t CROSS JOIN m WHERE t.plan_id = $1 ORDER BY m.n, t.version`,
        [planId],
      );
      for (const table of ['plan_nodes', 'indicator_definitions', 'indicator_targets'] as const)
        await client.query(
          `INSERT INTO ${table} (${cols[table].join(', ')})
           SELECT ${selectList(cols[table], common, 't')} FROM ${table} t CROSS JOIN m WHERE t.plan_id = $1
           ORDER BY m.n, t.ctid`,
          [planId],
        );
      await client.query(
        `INSERT INTO indicator_actuals (${cols.indicator_actuals.join(', ')})
         SELECT ${selectList(cols.indicator_actuals, { ...common, id: shifted('id'), supersedes: shiftOrNull('supersedes') }, 't')}
         FROM indicator_actuals t CROSS JOIN m WHERE t.plan_id = $1 ORDER BY m.n, t.id`,
        [planId],
      );
      await client.query(
        `INSERT INTO current_actuals (${cols.current_actuals.join(', ')})
         SELECT ${selectList(cols.current_actuals, { ...common, actual_id: shifted('actual_id'), supersedes: shiftOrNull('supersedes') }, 't')}
         FROM current_actuals t CROSS JOIN m WHERE t.plan_id = $1 ORDER BY m.n, t.actual_id`,
        [planId],
      );
      await client.query(
        `INSERT INTO audit_log (${cols.audit_log.filter((c) => c !== 'id').join(', ')})
         SELECT ${selectList(
           cols.audit_log.filter((c) => c !== 'id'),
           {
             municipality_code: 'm.code',
             entity_id: `CASE WHEN t.entity_id = '${tmpl.planCode}' THEN m.plan_code ELSE t.entity_id END`,
           },
           't',
         )}
         FROM audit_log t CROSS JOIN m WHERE t.municipality_code = $1 ORDER BY m.n, t.id`,
        [tmpl.code],
      );
      await client.query('COMMIT');
      opts.progress?.(end - opts.from + 1, total, performance.now() - t0);
    }
    await client.query(`SELECT setval('indicator_actuals_id_seq', (SELECT max(id) FROM indicator_actuals))`);
    return { copies: total, ms: performance.now() - t0 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Compares every copy with the template: per copied table, each municipality's row count equals
 * the template's; no row points at another municipality's plan; every current value's actual
 * value exists, in the same municipality. Returns the problems found (empty: the copies hold).
 */
export async function checkCopies(url: string, templateCode: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const problems: string[] = [];
  try {
    for (const table of copiedTables) {
      const r = await client.query<{ n: number }>(
        `WITH c AS (SELECT municipality_code, count(*) AS k FROM ${table} GROUP BY 1)
         SELECT count(*)::int AS n FROM municipalities mu LEFT JOIN c ON c.municipality_code = mu.code
         WHERE coalesce(c.k, 0) <> (SELECT k FROM c WHERE municipality_code = $1)`,
        [templateCode],
      );
      if (r.rows[0]!.n > 0)
        problems.push(`${table}: ${r.rows[0]!.n} municipalities differ from the template in row count`);
    }
    for (const table of copiedTables.filter((t) => t !== 'plans' && t !== 'audit_log')) {
      const r = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} t LEFT JOIN plans p ON p.id = t.plan_id
         WHERE p.id IS NULL OR p.municipality_code <> t.municipality_code`,
      );
      if (r.rows[0]!.n > 0) problems.push(`${table}: ${r.rows[0]!.n} rows without their municipality's plan`);
    }
    const orphans = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM current_actuals c LEFT JOIN indicator_actuals a ON a.id = c.actual_id
       WHERE a.id IS NULL OR a.municipality_code <> c.municipality_code OR a.plan_id <> c.plan_id
         OR a.indicator_code <> c.indicator_code`,
    );
    if (orphans.rows[0]!.n > 0)
      problems.push(`current_actuals: ${orphans.rows[0]!.n} rows without their actual value`);
    const hosts = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM municipalities mu
       WHERE NOT EXISTS (SELECT 1 FROM municipality_hosts h WHERE h.municipality_code = mu.code)`,
    );
    if (hosts.rows[0]!.n > 0) problems.push(`${hosts.rows[0]!.n} municipalities without a host name`);
  } finally {
    await client.end();
  }
  return problems;
}
