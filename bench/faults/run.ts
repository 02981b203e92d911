/**
 * The fault script (issue #17): a real server process on the embedded database is killed with
 * SIGKILL while it saves corrections and imports files, and restarted, CYCLES times (20 by default).
 * Afterwards the data directory is opened directly, the import jobs still queued there are run, and
 * it is checked: every acknowledged version (201) is present, every accepted import job (202) is
 * there and finished, every import whose job succeeded has all its rows, and no import is partial
 * (each batch has all its rows or none). Then four oversized uploads go in at once while a client reads /healthz every 100 ms;
 * the slowest answer is recorded. Bounded: BENCH_CYCLES, BENCH_KILL_MS; BENCH_START_TIMEOUT_MS for a loaded machine. Results: bench/results/faults.{json,md}.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '@mirai/app';
import { sql } from 'kysely';
import { startServerProcess } from '../support/server-process';

const root = new URL('../..', import.meta.url).pathname;
const CYCLES = Number(process.env.BENCH_CYCLES ?? 20);
const KILL_MS = Number(process.env.BENCH_KILL_MS ?? 1500);
const work = mkdtempSync(join(tmpdir(), 'mirai-bench-faults-'));
const dataDir = join(work, 'data');
const password = 'fault-script-Kq7-long-enough';

const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT_MS ?? 240_000);
const start = () => startServerProcess({ tree: root, dataDir, timeoutMs: START_TIMEOUT_MS });

const killed = (proc: ChildProcess) =>
  new Promise<void>((r) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return r();
    proc.once('exit', () => r());
    proc.kill('SIGKILL');
  });

async function signIn(base: string, pw: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ login: 'admin', password: pw }),
  });
  if (res.status !== 200) throw new Error(`login ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, 'x-csrf-token': csrfToken, origin: base };
}

const ackedVersions = new Set<string>();
const ackedBatches = new Map<string, number>();
/** Import jobs answered 202 (accepted: never to be lost, run again after a kill if need be). */
const acceptedJobs = new Set<string>();
let attempted = 0;
let refused = 0;

const valueFor = (code: string) =>
  code === 'TOP-HAPPINESS' ? 6 + (attempted % 10) / 10 : 60000 + (attempted % 5000);

/** Corrections of one value, one after another, until the server dies. */
async function correctionChain(base: string, h: Record<string, string>, code: string, stop: () => boolean) {
  const show = await fetch(`${base}/api/v1/indicators/${code}?bench=${Date.now()}`, { headers: h }).catch(
    () => null,
  );
  if (show?.status !== 200) return;
  const detail = (await show.json().catch(() => ({ values: [] }))) as {
    values: { fiscalYear: number; current: { id: string } }[];
  };
  let id = detail.values.find((v) => v.fiscalYear === 2025)?.current.id;
  while (!stop()) {
    attempted++;
    try {
      const res = id
        ? await fetch(`${base}/api/v1/actuals/${id}/corrections`, {
            method: 'POST',
            headers: { ...h, 'content-type': 'application/json' },
            body: JSON.stringify({ value: valueFor(code), note: 'fault script' }),
          })
        : await fetch(`${base}/api/v1/indicators/${code}/actuals`, {
            method: 'POST',
            headers: { ...h, 'content-type': 'application/json' },
            body: JSON.stringify({
              fiscalYear: 2025,
              value: valueFor(code),
              source: 'fault script (SAMPLE)',
            }),
          });
      if (res.status === 201) {
        id = ((await res.json()) as { id: string }).id;
        ackedVersions.add(id);
      } else refused++;
    } catch {
      return; // the server died: this write was never acknowledged
    }
  }
}

/** Imports of every top indicator's values for a year, corrections allowed, until the server dies. */
async function importLoop(base: string, h: Record<string, string>, stop: () => boolean) {
  while (!stop()) {
    attempted++;
    const fy = 2026 + (attempted % 5);
    // Two rows whose values were never stored before: a whole import always stores both.
    const csv = `指標コード,年度,実績値,出典\nTOP-POPULATION,${fy},${70000 + attempted},fault script (SAMPLE)\nTOP-POPULATION,${fy + 1},${170000 + attempted},fault script (SAMPLE)\n`;
    try {
      const res = await fetch(`${base}/api/v1/actuals/import?file=faults.csv&allowCorrections=true`, {
        method: 'POST',
        headers: { ...h, 'content-type': 'text/csv' },
        body: csv,
      });
      if (res.status !== 202) {
        refused++;
        continue;
      }
      const { jobId } = (await res.json()) as { jobId: string };
      acceptedJobs.add(jobId);
      // Follow the job to its result, as the page does.
      for (;;) {
        const job = (await (await fetch(`${base}/api/v1/jobs/${jobId}`, { headers: h })).json()) as {
          status: string;
          result?: { batch?: string; recorded: number; corrected: number };
        };
        if (job.status === 'succeeded' && job.result?.batch)
          ackedBatches.set(job.result.batch, job.result.recorded + job.result.corrected);
        if (job.status === 'succeeded' || job.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } catch {
      return;
    }
  }
}

const result: Record<string, unknown> = {
  benchmark: 'faults',
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  loadAtStart: loadavg().map((x) => Math.round(x * 10) / 10),
  cycles: CYCLES,
};
try {
  // First start: the one-time administrator password, replaced by a known one.
  const first = await start();
  const oneTime = /one-time password: (\S+)/.exec(first.log())?.[1];
  if (!oneTime) throw new Error('no one-time password in the log');
  const h0 = await signIn(first.base, oneTime);
  const changed = await fetch(`${first.base}/api/v1/auth/password`, {
    method: 'POST',
    headers: { ...h0, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: oneTime, newPassword: password }),
  });
  if (changed.status !== 200) throw new Error(`password change ${changed.status}`);
  await killed(first.proc);

  const startMs: number[] = [];
  for (let c = 0; c < CYCLES; c++) {
    const t0 = performance.now();
    const s = await start();
    startMs.push(Math.round(performance.now() - t0));
    const h = await signIn(s.base, password);
    let dead = false;
    const stop = () => dead;
    const work = Promise.all([
      correctionChain(s.base, h, 'TOP-POPULATION', stop),
      correctionChain(s.base, h, 'TOP-HAPPINESS', stop),
      importLoop(s.base, h, stop),
    ]);
    await new Promise((r) => setTimeout(r, 200 + Math.random() * KILL_MS));
    await killed(s.proc);
    dead = true;
    await work;
    console.log(
      `cycle ${c + 1}: ${ackedVersions.size} versions and ${ackedBatches.size} imports acknowledged so far`,
    );
  }

  // Check the data directory directly, no server running.
  const ctx = await openApp({ dataDir, noSeed: true });
  try {
    // Import jobs accepted before the last kill and not yet run: run them now (as a restart would).
    await ctx.jobs.start();
    const jobs = await Promise.all(
      [...acceptedJobs].map((id) => ctx.jobs.waitFor(id, { timeoutMs: 300_000 }).catch(() => null)),
    );
    await ctx.jobs.stop();
    for (const j of jobs) {
      const r = j?.result as { batch?: string; recorded: number; corrected: number } | undefined;
      if (j?.status === 'succeeded' && r?.batch) ackedBatches.set(r.batch, r.recorded + r.corrected);
    }
    result.importJobsAccepted = acceptedJobs.size;
    result.importJobsLost = jobs.filter((j) => j === null).length;
    result.importJobsFailed = jobs.filter((j) => j?.status === 'failed').length;
    result.importJobProblems = [
      ...new Set(jobs.flatMap((j) => (j?.problems ?? []).map((p) => (p as { code: string }).code))),
    ];
    const ids = [...ackedVersions];
    const present = ids.length
      ? Number(
          (
            await sql<{
              n: number;
            }>`SELECT count(*)::int AS n FROM indicator_actuals WHERE id = ANY(${ids}::bigint[])`.execute(
              ctx.database.db,
            )
          ).rows[0]!.n,
        )
      : 0;
    const batches = await sql<{ b: string; n: number }>`
      SELECT import_batch AS b, count(*)::int AS n FROM indicator_actuals
      WHERE import_batch IS NOT NULL GROUP BY import_batch`.execute(ctx.database.db);
    const stored = new Map(batches.rows.map((r) => [r.b, Number(r.n)]));
    const lostBatches = [...ackedBatches].filter(([b, n]) => stored.get(b) !== n).length;
    const partial = batches.rows.filter((r) => Number(r.n) !== 2 && !ackedBatches.has(r.b)).length;
    result.kills = CYCLES;
    result.writesAttempted = attempted;
    result.refused = refused;
    result.versionsAcknowledged = ids.length;
    result.versionsPresent = present;
    result.versionsLost = ids.length - present;
    result.importsAcknowledged = ackedBatches.size;
    result.importsLost = lostBatches;
    result.partialImports = partial;
    result.serverStartMs = startMs;
  } finally {
    await ctx.close();
  }

  // Four oversized uploads at once; a reader asks /healthz every 100 ms.
  const s = await start();
  try {
    const h = await signIn(s.base, password);
    const big = `指標コード,年度,実績値\n${'TOP-POPULATION,2025,1\n'.repeat(1_200_000)}`; // ~26 MB
    writeFileSync(join(work, 'size.txt'), String(big.length));
    const latencies: number[] = [];
    let done = false;
    const reader = (async () => {
      while (!done) {
        const t0 = performance.now();
        const res = await fetch(`${s.base}/healthz`).catch(() => null);
        latencies.push(Math.round(performance.now() - t0));
        if (!res) break;
        await res.arrayBuffer();
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const uploads = await Promise.all(
      [1, 2, 3, 4].map(() =>
        fetch(`${s.base}/api/v1/actuals/import?file=big.csv&dryRun=true`, {
          method: 'POST',
          headers: { ...h, 'content-type': 'text/csv' },
          body: big,
        })
          .then((r) => r.status)
          .catch(() => 0),
      ),
    );
    done = true;
    await reader;
    result.oversized = {
      uploads: 4,
      bytesEach: Buffer.byteLength(big),
      statuses: uploads,
      healthzRequests: latencies.length,
      healthzMaxMs: Math.max(...latencies),
      healthzOver1s: latencies.filter((x) => x > 1000).length,
      serverAlive: s.proc.exitCode === null,
    };
  } finally {
    await killed(s.proc);
  }
  result.loadAtEnd = loadavg().map((x) => Math.round(x * 10) / 10);
  writeFileSync(join(root, 'bench/results/faults.json'), `${JSON.stringify(result, null, 2)}\n`);
  const o = result.oversized as Record<string, unknown>;
  writeFileSync(
    join(root, 'bench/results/faults.md'),
    `# Fault script: SIGKILL during saves and imports; oversized uploads\n\n` +
      `Measured ${result.measuredAt} on ${cpus().length} shared cores, Node ${process.version}; load average ${(result.loadAtStart as number[]).join(' / ')} at the start, ${(result.loadAtEnd as number[]).join(' / ')} at the end. Embedded database (PGlite) in one data directory; values are SAMPLE data.\n\n` +
      `| check | figure |\n|---|---:|\n` +
      `| SIGKILLs (each 200–${200 + KILL_MS} ms into the writes, then a restart) | ${result.kills} |\n` +
      `| writes attempted / refused (4xx) | ${result.writesAttempted} / ${result.refused} |\n` +
      `| versions acknowledged (201) / present after the kills / **lost** | ${result.versionsAcknowledged} / ${result.versionsPresent} / **${result.versionsLost}** |\n` +
      `| import jobs accepted (202) / **lost** / failed (${(result.importJobProblems as string[]).join(', ') || 'none'}) | ${result.importJobsAccepted} / **${result.importJobsLost}** / ${result.importJobsFailed} |\n` +
      `| imports stored by succeeded jobs / **lost** / **partial** | ${result.importsAcknowledged} / **${result.importsLost}** / **${result.partialImports}** |\n` +
      `| 4 concurrent uploads of ${o.bytesEach} bytes: statuses | ${(o.statuses as number[]).join(', ')} |\n` +
      `| /healthz meanwhile: requests / slowest (ms) / over 1 s | ${o.healthzRequests} / ${o.healthzMaxMs} / ${o.healthzOver1s} |\n` +
      `| server alive afterwards | ${o.serverAlive} |\n`,
  );
  console.log(JSON.stringify(result, null, 2));
  if (
    result.versionsLost !== 0 ||
    result.importsLost !== 0 ||
    result.partialImports !== 0 ||
    result.importJobsLost !== 0
  )
    process.exitCode = 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  // A killed server's last writes may still be landing: retry, and never hide the error above.
  try {
    rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  } catch {}
}
