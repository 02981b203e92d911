/**
 * The fault script (issue #17): a real server process on the embedded database is killed with
 * SIGKILL while it saves corrections and imports files, and restarted, CYCLES times (20 by default).
 * Each cycle waits until the server is ready (/readyz), keeps writing until at least MIN_ACKS
 * corrections are acknowledged (201) and an import is accepted (202) in that cycle, then kills it at
 * a random point 0–KILL_MS ms later while the writes go on.
 * Afterwards the data directory is opened directly, the import jobs still queued there are run, and
 * it is checked: every acknowledged version is present; every accepted import job is there and
 * finished; every import a job finished has all its rows; and no import batch is partial (each
 * batch's stored rows equal the count its audit entry recorded, and every batch has an audit entry:
 * the same transaction writes both). Then four kinds of heavy upload go in four at a time (over the
 * byte limit, an xlsx that inflates past its budget, a CSV just under the byte limit, an evaluation
 * workbook near its cell budget) while a
 * separate process reads /healthz every 100 ms; the slowest answer is recorded.
 * Bounded: BENCH_CYCLES, BENCH_KILL_MS, BENCH_MIN_ACKS, BENCH_CYCLE_TIMEOUT_MS (writes per cycle),
 * BENCH_MAX_MINUTES (the kill cycles together), BENCH_START_TIMEOUT_MS. Results:
 * bench/results/faults.{json,md}, with load averages.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { openApp } from '@mirai/app';
import { sql } from 'kysely';
import { startServerProcess } from '../support/server-process';

const root = new URL('../..', import.meta.url).pathname;
const CYCLES = Number(process.env.BENCH_CYCLES ?? 20);
const KILL_MS = Number(process.env.BENCH_KILL_MS ?? 1500);
const MIN_ACKS = Number(process.env.BENCH_MIN_ACKS ?? 3);
const CYCLE_TIMEOUT_MS = Number(process.env.BENCH_CYCLE_TIMEOUT_MS ?? 120_000);
const MAX_MS = Number(process.env.BENCH_MAX_MINUTES ?? 40) * 60_000;
const work = mkdtempSync(join(tmpdir(), 'mirai-bench-faults-'));
const dataDir = join(work, 'data');
const password = 'fault-script-Kq7-long-enough';
const load = () => loadavg().map((x) => Math.round(x * 10) / 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT_MS ?? 240_000);
const start = () => startServerProcess({ tree: root, dataDir, timeoutMs: START_TIMEOUT_MS });

/** Waits until /readyz answers 200 (database reachable, migrations applied). */
async function ready(base: string) {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const res = await fetch(`${base}/readyz`).catch(() => null);
    if (res?.status === 200) return;
    await sleep(100);
  }
  throw new Error('not ready');
}

const killed = (proc: ChildProcess) =>
  new Promise<void>((r) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return r();
    proc.once('exit', () => r());
    proc.kill('SIGKILL');
  });

let session: { cookie: string; 'x-csrf-token': string } | null = null;

/**
 * A session for this cycle: the one signed in before when it still holds (sessions are stored,
 * so they outlive a kill), else a new sign-in. Signing in at every restart would meet the
 * sign-in rate limit (429) once restarts are quick.
 */
async function signIn(base: string, pw: string) {
  if (session) {
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie: session.cookie } });
    if (me.status === 200) return { ...session, origin: base };
  }
  const fresh = await signInAnew(base, pw);
  session = { cookie: fresh.cookie, 'x-csrf-token': fresh['x-csrf-token'] };
  return fresh;
}

async function signInAnew(base: string, pw: string) {
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
/** Batches stored by import jobs seen succeeded, with the rows each job says it stored. */
const ackedBatches = new Map<string, number>();
/** Import jobs answered 202 (accepted: never to be lost, run again after a kill if need be). */
const acceptedJobs = new Set<string>();
let attempted = 0;
let refused = 0;
/** This cycle's acknowledgements (reset at each start). */
const cycle = { versions: 0, accepted: 0, importRunning: false };

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
        cycle.versions++;
      } else refused++;
    } catch {
      return; // the server died: this write was never acknowledged
    }
  }
}

/**
 * Imports of one indicator's values for six fiscal years (never the year the correction chains
 * write), corrections allowed, every value new, until the server dies.
 */
async function importLoop(base: string, h: Record<string, string>, stop: () => boolean) {
  while (!stop()) {
    attempted++;
    const rows = [2026, 2027, 2028, 2029, 2030, 2031].map(
      (fy) => `TOP-POPULATION,${fy},${70000 + ((attempted * 7 + fy) % 20000)},fault script (SAMPLE)`,
    );
    const csv = `指標コード,年度,実績値,出典\n${rows.join('\n')}\n`;
    try {
      cycle.importRunning = true;
      const res = await fetch(`${base}/api/v1/actuals/import?file=faults.csv&allowCorrections=true`, {
        method: 'POST',
        headers: { ...h, 'content-type': 'text/csv' },
        body: csv,
      });
      if (res.status !== 202) {
        refused++;
        cycle.importRunning = false;
        continue;
      }
      const { jobId } = (await res.json()) as { jobId: string };
      acceptedJobs.add(jobId);
      cycle.accepted++;
      // Follow the job to its result, as the page does.
      for (;;) {
        const job = (await (await fetch(`${base}/api/v1/jobs/${jobId}`, { headers: h })).json()) as {
          status: string;
          result?: { batch?: string; recorded: number; corrected: number };
        };
        if (job.status === 'succeeded' && job.result?.batch)
          ackedBatches.set(job.result.batch, job.result.recorded + job.result.corrected);
        if (job.status === 'succeeded' || job.status === 'failed') break;
        await sleep(50);
      }
      cycle.importRunning = false;
    } catch {
      return;
    }
  }
}

/** A separate process that asks /healthz every 100 ms until stopped; prints each time in ms. */
function prober(base: string) {
  const code = `
    let stop = false; process.on('SIGTERM', () => { stop = true; });
    (async () => {
      while (!stop) {
        const t0 = performance.now();
        const ok = await fetch(${JSON.stringify(`${base}/healthz`)}, { signal: AbortSignal.timeout(30000) })
          .then((r) => r.arrayBuffer().then(() => r.status === 200)).catch(() => false);
        process.stdout.write((ok ? '' : 'x') + Math.round(performance.now() - t0) + '\\n');
        await new Promise((r) => setTimeout(r, 100));
      }
    })();`;
  const proc = spawn(process.execPath, ['-e', code]);
  let out = '';
  proc.stdout.on('data', (d) => {
    out += String(d);
  });
  return {
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      const lines = out.split('\n').filter(Boolean);
      return {
        requests: lines.length,
        failed: lines.filter((l) => l.startsWith('x')).length,
        ms: lines.map((l) => Number(l.replace('x', ''))),
      };
    },
  };
}

/** A zip of the given entries, deflated, with their true sizes and CRCs. */
function zip(entries: [string, Buffer][]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(head, n, packed);
    central.push(dir, n);
    offset += 30 + n.length + packed.length;
  }
  const size = central.reduce((t, b) => t + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/** An xlsx whose one sheet inflates to about `mb` MB of cells (compressed, far under the byte limit). */
function inflatingXlsx(mb: number) {
  // Rows without references compress about a thousand to one, as a hostile file's would.
  const row = Buffer.from('<row><c><v>1</v></c><c><v>2025</v></c></row>');
  const sheet = Buffer.concat([
    Buffer.from('<worksheet><sheetData>'),
    Buffer.alloc(Math.ceil((mb * 1024 * 1024) / row.length) * row.length, row),
    Buffer.from('</sheetData></worksheet>'),
  ]);
  return zip([
    [
      '[Content_Types].xml',
      Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    ],
    ['xl/workbook.xml', Buffer.from('<workbook><sheets><sheet name="a" sheetId="1"/></sheets></workbook>')],
    ['xl/worksheets/sheet1.xml', sheet],
  ]);
}

/** An xlsx within an upload kind's budgets but large: `rows` rows of four varied numbers (480,000 cells at 120,000). */
function denseXlsx(rows: number) {
  const parts = ['<worksheet><sheetData>'];
  for (let i = 1; i <= rows; i++)
    parts.push(
      `<row r="${i}"><c r="A${i}"><v>${Math.random() * 1e6}</v></c><c r="B${i}"><v>${Math.random()}</v></c><c r="C${i}"><v>${i}</v></c><c r="D${i}"><v>${Math.random() * 1e3}</v></c></row>`,
    );
  parts.push('</sheetData></worksheet>');
  return zip([
    [
      '[Content_Types].xml',
      Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    ],
    ['xl/workbook.xml', Buffer.from('<workbook><sheets><sheet name="a" sheetId="1"/></sheets></workbook>')],
    ['xl/worksheets/sheet1.xml', Buffer.from(parts.join(''))],
  ]);
}

const result: Record<string, unknown> = {
  benchmark: 'faults',
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  loadAtStart: load(),
  cyclesWanted: CYCLES,
  settings: { killMs: KILL_MS, minAcks: MIN_ACKS, cycleTimeoutMs: CYCLE_TIMEOUT_MS, maxMs: MAX_MS },
};
const t00 = performance.now();
try {
  // First start: the one-time administrator password, replaced by a known one.
  const first = await start();
  const oneTime = /one-time password: (\S+)/.exec(first.log())?.[1];
  if (!oneTime) throw new Error('no one-time password in the log');
  await ready(first.base);
  const h0 = await signIn(first.base, oneTime);
  const changed = await fetch(`${first.base}/api/v1/auth/password`, {
    method: 'POST',
    headers: { ...h0, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: oneTime, newPassword: password }),
  });
  if (changed.status !== 200) throw new Error(`password change ${changed.status}`);
  session = null; // signed in again with the new password
  await killed(first.proc);

  const cycles: {
    startMs: number;
    versions: number;
    importsAccepted: number;
    writesMs: number;
    importInFlightAtKill: boolean;
    load: number[];
  }[] = [];
  while (cycles.length < CYCLES && performance.now() - t00 < MAX_MS) {
    const t0 = performance.now();
    const s = await start();
    await ready(s.base);
    const startMs = Math.round(performance.now() - t0);
    const h = await signIn(s.base, password);
    Object.assign(cycle, { versions: 0, accepted: 0, importRunning: false });
    let dead = false;
    const stop = () => dead;
    const t1 = performance.now();
    const writing = Promise.all([
      correctionChain(s.base, h, 'TOP-POPULATION', stop),
      correctionChain(s.base, h, 'TOP-HAPPINESS', stop),
      importLoop(s.base, h, stop),
    ]);
    // Acknowledged writes first, then the kill at a random point while the writes go on.
    while ((cycle.versions < MIN_ACKS || cycle.accepted < 1) && performance.now() - t1 < CYCLE_TIMEOUT_MS)
      await sleep(20);
    await sleep(Math.random() * KILL_MS);
    const importInFlightAtKill = cycle.importRunning;
    const writesMs = Math.round(performance.now() - t1);
    await killed(s.proc);
    dead = true;
    await writing;
    cycles.push({
      startMs,
      versions: cycle.versions,
      importsAccepted: cycle.accepted,
      writesMs,
      importInFlightAtKill,
      load: load(),
    });
    console.log(
      `cycle ${cycles.length}: ${cycle.versions} versions and ${cycle.accepted} imports acknowledged in ${writesMs} ms (import in flight at the kill: ${importInFlightAtKill}); load ${load().join(' ')}`,
    );
  }
  result.cycles = cycles;
  result.kills = cycles.length;
  result.cyclesWithAcknowledgedWrites = cycles.filter(
    (c) => c.versions >= MIN_ACKS && c.importsAccepted >= 1,
  ).length;
  result.killsWithImportInFlight = cycles.filter((c) => c.importInFlightAtKill).length;
  result.killCyclesMs = Math.round(performance.now() - t00);

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
    result.importJobsLost = jobs.filter(
      (j) => j === null || !['succeeded', 'failed'].includes(j.status),
    ).length;
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
    // What each import's audit entry says it stored (written in the import's own transaction).
    const audited = await sql<{ b: string; actor: string; n: number }>`
      SELECT entity_id AS b, actor,
             coalesce((details->>'recorded')::int, 0) + coalesce((details->>'corrected')::int, 0) AS n
      FROM audit_log WHERE entity_type = 'indicator-import'`.execute(ctx.database.db);
    const auditedRows = new Map(audited.rows.map((r) => [r.b, Number(r.n)]));
    const lostBatches = [...ackedBatches].filter(([b, n]) => stored.get(b) !== n).length;
    const partial = [...stored].filter(([b, n]) => auditedRows.get(b) !== n);
    // Every audited import that stored rows has them (none half-written, none vanished).
    const vanished = [...auditedRows].filter(([b, n]) => n > 0 && !stored.has(b));
    result.versionsAcknowledged = ids.length;
    result.versionsPresent = present;
    result.versionsLost = ids.length - present;
    result.writesAttempted = attempted;
    result.refused = refused;
    result.importBatchesStored = stored.size;
    // Who wrote the batches (the first start's sample data is imported by system:seed).
    result.importBatchesByActor = Object.fromEntries(
      [...new Set(audited.rows.map((r) => r.actor))].map((a) => [
        a,
        audited.rows.filter((r) => r.actor === a && stored.has(r.b)).length,
      ]),
    );
    result.importsAcknowledged = ackedBatches.size;
    result.importsLost = lostBatches;
    result.partialImports = partial.length + vanished.length;
    result.partialImportDetail = [...partial, ...vanished].map(([b, n]) => ({
      batch: b,
      stored: stored.get(b) ?? 0,
      audited: auditedRows.get(b) ?? null,
      n,
    }));
  } finally {
    await ctx.close();
  }

  // Heavy uploads, four at a time per kind; a separate process reads /healthz every 100 ms.
  const s = await start();
  try {
    await ready(s.base);
    const h = await signIn(s.base, password);
    const overLimit = Buffer.from(`指標コード,年度,実績値\n${'TOP-POPULATION,2025,1\n'.repeat(1_200_000)}`); // ~26 MB
    const bomb = inflatingXlsx(120); // under the byte limit, past the inflated budget
    const nearLimit = Buffer.from(`指標コード,年度,実績値\n${'TOP-POPULATION,2025,1\n'.repeat(450_000)}`); // ~9.9 MB
    const actuals = '/api/v1/actuals/import';
    const kinds = [
      { kind: 'csv over the byte limit', file: 'big.csv', body: overLimit, route: actuals },
      { kind: 'xlsx inflating past its budget', file: 'bomb.xlsx', body: bomb, route: actuals },
      { kind: 'csv just under the byte limit', file: 'near.csv', body: nearLimit, route: actuals },
      // Within the evaluation workbook's budgets (10 MB, 500,000 cells), parsed whole before its checks.
      {
        kind: 'evaluation xlsx near its cell budget',
        file: 'dense.xlsx',
        body: denseXlsx(120_000),
        route: '/api/v1/evaluation/workbooks',
      },
    ];
    const heavy: Record<string, unknown>[] = [];
    for (const k of kinds) {
      const probe = prober(s.base);
      await sleep(500); // a few answers before the uploads
      const t0 = performance.now();
      const answers = await Promise.all(
        [1, 2, 3, 4].map(async () => {
          const res = await fetch(`${s.base}${k.route}?file=${k.file}&dryRun=true`, {
            method: 'POST',
            headers: { ...h, 'content-type': 'application/octet-stream' },
            body: new Uint8Array(k.body),
          }).catch(() => null);
          if (!res) return { status: 0 };
          const body = (await res.json().catch(() => ({}))) as {
            jobId?: string;
            problems?: { code: string }[];
          };
          if (res.status !== 202 || !body.jobId)
            return { status: res.status, code: body.problems?.[0]?.code };
          // Follow the job to its end.
          for (;;) {
            const job = (await (
              await fetch(`${s.base}/api/v1/jobs/${body.jobId}`, { headers: h })
            ).json()) as {
              status: string;
              problems?: { code: string }[];
            };
            if (job.status === 'succeeded' || job.status === 'failed')
              return { status: 202, job: job.status, code: job.problems?.[0]?.code };
            await sleep(200);
          }
        }),
      );
      const ms = Math.round(performance.now() - t0);
      await sleep(500);
      const probed = await probe.stop();
      heavy.push({
        kind: k.kind,
        bytesEach: k.body.length,
        answers,
        allDoneMs: ms,
        healthzRequests: probed.requests,
        healthzFailed: probed.failed,
        healthzMaxMs: Math.max(...probed.ms),
        healthzOver1s: probed.ms.filter((x) => x > 1000).length,
        load: load(),
      });
      console.log(JSON.stringify(heavy[heavy.length - 1]));
    }
    result.heavyUploads = heavy;
    result.serverAliveAfterUploads = s.proc.exitCode === null && s.proc.signalCode === null;
  } finally {
    await killed(s.proc);
  }
  result.loadAtEnd = load();
  result.totalMs = Math.round(performance.now() - t00);
  writeFileSync(join(root, 'bench/results/faults.json'), `${JSON.stringify(result, null, 2)}\n`);
  const cs = result.cycles as {
    versions: number;
    importsAccepted: number;
    startMs: number;
    writesMs: number;
  }[];
  const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
  const heavy = result.heavyUploads as {
    kind: string;
    bytesEach: number;
    answers: { status: number; job?: string; code?: string }[];
    allDoneMs: number;
    healthzRequests: number;
    healthzFailed: number;
    healthzMaxMs: number;
    healthzOver1s: number;
    load: number[];
  }[];
  const answer = (a: { status: number; job?: string; code?: string }) =>
    `${a.status}${a.job ? ` → ${a.job}` : ''}${a.code ? ` (${a.code})` : ''}`;
  writeFileSync(
    join(root, 'bench/results/faults.md'),
    `# Fault script: SIGKILL during saves and imports; heavy uploads\n\n` +
      `Measured ${result.measuredAt} on ${cpus().length} shared cores, Node ${process.version}; load average ${(result.loadAtStart as number[]).join(' / ')} at the start, ${(result.loadAtEnd as number[]).join(' / ')} at the end (each cycle's load is in faults.json). Embedded database (PGlite) in one data directory; values are SAMPLE data. Run time ${Math.round((result.totalMs as number) / 1000)} s.\n\n` +
      `Each cycle: start, wait for /readyz, sign in, write (two correction chains and an import loop of 6-row CSVs as background jobs) until at least ${MIN_ACKS} corrections are acknowledged (201) and an import is accepted (202) in that cycle, go on writing for a random 0–${KILL_MS} ms, SIGKILL.\n\n` +
      `| check | figure |\n|---|---:|\n` +
      `| SIGKILLs (of ${CYCLES} wanted) | ${result.kills} |\n` +
      `| cycles with acknowledged writes before the kill | ${result.cyclesWithAcknowledgedWrites} |\n` +
      `| kills while an import was being sent or followed | ${result.killsWithImportInFlight} |\n` +
      `| server start to ready per cycle (ms) | ${range(cs.map((c) => c.startMs))} |\n` +
      `| corrections acknowledged per cycle | ${range(cs.map((c) => c.versions))} |\n` +
      `| writes attempted / refused (4xx) | ${result.writesAttempted} / ${result.refused} |\n` +
      `| versions acknowledged (201) / present after the kills / **lost** | ${result.versionsAcknowledged} / ${result.versionsPresent} / **${result.versionsLost}** |\n` +
      `| import jobs accepted (202) / **lost** / failed (${(result.importJobProblems as string[]).join(', ') || 'none'}) | ${result.importJobsAccepted} / **${result.importJobsLost}** / ${result.importJobsFailed} |\n` +
      `| imports whose job succeeded / **rows missing** | ${result.importsAcknowledged} / **${result.importsLost}** |\n` +
      `| import batches stored (${Object.entries(result.importBatchesByActor as Record<string, number>)
        .map(([a, n]) => `${n} by ${a}`)
        .join(
          ', ',
        )}) / **partial** (stored rows ≠ the rows its audit entry counts) | ${result.importBatchesStored} / **${result.partialImports}** |\n\n` +
      `Heavy uploads, four at once per kind (dry runs), while a separate process reads /healthz every 100 ms:\n\n` +
      `| upload | bytes each | answers | all done (ms) | /healthz requests / failed / slowest (ms) / over 1 s | load |\n|---|---:|---|---:|---|---|\n` +
      heavy
        .map(
          (x) =>
            `| ${x.kind} | ${x.bytesEach} | ${x.answers.map(answer).join('; ')} | ${x.allDoneMs} | ${x.healthzRequests} / ${x.healthzFailed} / ${x.healthzMaxMs} / ${x.healthzOver1s} | ${x.load.join(' / ')} |`,
        )
        .join('\n') +
      `\n\nServer alive afterwards: ${result.serverAliveAfterUploads}.\n`,
  );
  console.log(JSON.stringify(result, null, 2));
  if (
    result.versionsLost !== 0 ||
    result.importsLost !== 0 ||
    result.partialImports !== 0 ||
    result.importJobsLost !== 0 ||
    result.kills !== CYCLES ||
    result.cyclesWithAcknowledgedWrites !== CYCLES
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
