/**
 * The cost of "acknowledged means durable" on the embedded database: the same
 * single-row committed writes (each its own transaction, as an acknowledged
 * save is) with fsync on (the default, decision 0091) and with PGlite's stock
 * settings (no sync call at all). Results: bench/results/durability.{json,md}.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '@mirai/db';
import { sql } from 'kysely';

const root = new URL('../..', import.meta.url).pathname;
const writes = 200;

async function measure(durable: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'mirai-bench-durable-'));
  try {
    const database = await createDatabase({ kind: 'pglite', dataDir: join(dir, 'data'), durable });
    await sql`CREATE TABLE bench (id serial PRIMARY KEY, note text NOT NULL)`.execute(database.db);
    const times: number[] = [];
    for (let i = 0; i < writes; i++) {
      const t0 = performance.now();
      await sql`INSERT INTO bench (note) VALUES (${`save ${i}`})`.execute(database.db);
      times.push(performance.now() - t0);
    }
    await database.close();
    times.sort((a, b) => a - b);
    const q = (p: number) =>
      Number((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(2));
    return {
      p50: q(0.5),
      p95: q(0.95),
      p99: q(0.99),
      writesPerSecond: Math.round(writes / (times.reduce((a, b) => a + b, 0) / 1000)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const durable = await measure(true);
const stock = await measure(false);
const result = {
  writes,
  durable,
  stock,
  machine: { cpus: cpus().length, node: process.version, tmpdir: tmpdir() },
  at: new Date().toISOString(),
};
console.log(JSON.stringify(result, null, 2));
writeFileSync(join(root, 'bench/results/durability.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(root, 'bench/results/durability.md'),
  `# Durability cost (embedded database)\n\n${writes} single-row committed writes, each its own transaction, on ${tmpdir()}.\n\n` +
    '| setting | p50 ms | p95 ms | p99 ms | writes/s |\n|---|---|---|---|---|\n' +
    `| fsync on (default) | ${durable.p50} | ${durable.p95} | ${durable.p99} | ${durable.writesPerSecond} |\n` +
    `| PGlite stock (no sync) | ${stock.p50} | ${stock.p95} | ${stock.p99} | ${stock.writesPerSecond} |\n\n` +
    `Machine: ${cpus().length} cores, Node ${process.version}, shared with other work. ${result.at}\n`,
);
