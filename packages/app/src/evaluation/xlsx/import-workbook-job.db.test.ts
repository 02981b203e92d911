// The workbook import job when the table worker cannot read the workbook (decision 0151): a corrupt
// xlsx that is a well-formed zip passes the zip guard, the worker answers io/xlsx-unreadable, and the
// job fails with evaluation-xlsx/unreadable, storing nothing. Real databases (PGlite; PostgreSQL when
// TEST_DATABASE_URL is set).
import { deflateRawSync } from 'node:zlib';
import type { Actor as EvaluationActor } from '@mirai/core';
import { listAudit, listSheets } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../../auth/actor';
import { type AppContext, contextFor } from '../../context';
import { openEvaluationRound } from '../round-use-cases';
import { seedEvaluationPlan } from '../testing/evaluation-fixture';
import { startWorkbookImport } from './import-workbook-job';

/** A zip archive (deflated entries, read as any xlsx is) holding the given entries. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const account: UserActor = {
  kind: 'user',
  via: 'session',
  userId: 1,
  login: 'kikaku',
  role: 'planning-editor',
  department: null,
  links: [],
  mustChangePassword: false,
};
const evaluator: EvaluationActor = { id: 'user:kikaku', role: 'planning-division' };

describeEachDatabase('evaluation workbook import job, unreadable workbook', (t) => {
  let ctx: AppContext;
  let roundId = '';
  beforeAll(async () => {
    ctx = contextFor(t.handle);
    await seedEvaluationPlan(t.handle.db);
    const opened = await openEvaluationRound(ctx, {
      fiscalYear: 2024,
      actor: evaluator,
      openedOn: { year: 2025, month: 6, day: 2 },
      scope: { measureCodes: ['B-4-M01'], projectCodes: ['B-4-M01-P01'] },
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    roundId = opened.value.id;
    await ctx.jobs.start();
  });
  afterAll(() => ctx.jobs.stop());

  it('fails with evaluation-xlsx/unreadable when the worker cannot read it, storing nothing', async () => {
    const stored = async () => ({
      sheets: (await listSheets(t.handle.db, roundId)).map((s) => [s.id, s.version]),
      audit: (await listAudit(t.handle.db)).filter((a) => a.action.startsWith('evaluation.')),
    });
    const before = await stored();
    expect(before.sheets).toHaveLength(2);
    // A well-formed zip (it passes the zip guard) whose workbook part is not XML.
    const bytes = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<<<not xml') }]);
    const started = await startWorkbookImport(ctx, account, evaluator, {
      file: 'broken.xlsx',
      bytes,
      dryRun: false,
      fiscalYear: 2024,
    });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const job = await ctx.jobs.waitFor(started.value.jobId, { timeoutMs: 60_000 });
    expect(job.status).toBe('failed');
    expect(job.problems?.map((p) => [p.code, p.where?.file])).toEqual([
      ['evaluation-xlsx/unreadable', 'broken.xlsx'],
    ]);
    // The worker's reason is carried over (the XML parser's).
    const details = job.problems?.[0]?.details as { reason?: string } | undefined;
    expect(details?.reason).toContain('disallowed character');
    expect(await stored()).toEqual(before);
  });
});
