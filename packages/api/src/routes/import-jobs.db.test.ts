// Uploads that cannot hurt the server (issue #17 item 2, decisions 0097–0098), through the real API on a
// real database: an oversized body is refused while it is read; a zip bomb is refused while it inflates;
// imports are background jobs, one at a time per municipality; reads are answered while one runs.
import { deflateRawSync } from 'node:zlib';
import { contextFor, seedDefaultPlan, uploadLimits } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestAccount, sessionHeaders, testAuthSettings } from '../auth/testing';
import { createApi } from '../create-api';
import { followJob } from '../job-testing';

/** A one-entry zip whose directory may understate the entry's size. */
function zipOf(name: string, data: Buffer, declaredSize = data.length): Buffer {
  const packed = deflateRawSync(data);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + packed.length, 16);
  return Buffer.concat([local, n, packed, central, n, end]);
}

describeEachDatabase('imports as background jobs', (t) => {
  let api: ReturnType<typeof createApi>;
  let ctx: ReturnType<typeof contextFor>;
  let headers: Record<string, string>;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    await ctx.jobs.start();
    api = createApi(ctx, { auth: { settings: testAuthSettings } });
    const editor = await createTestAccount(ctx, 'planning-editor');
    headers = { ...(await sessionHeaders(ctx, editor)), origin: 'http://localhost' };
  });
  afterAll(() => ctx.jobs.stop());

  const jobCount = async () =>
    Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM jobs`.execute(t.handle.db)).rows[0]?.n);
  const upload = (file: string, body: BodyInit, query = '') =>
    api.request(`http://localhost/api/v1/actuals/import?file=${file}${query}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
    } as RequestInit);

  it('refuses a body over the upload limit while reading it, with the catalogued error, and starts no job', async () => {
    const before = await jobCount();
    const chunk = new Uint8Array(256 * 1024).fill(0x41);
    const total = 5 * uploadLimits.actuals.maxBytes;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled >= total) return c.close();
        pulled += chunk.length;
        c.enqueue(chunk);
      },
    });
    const res = await upload('big.csv', body);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('http/too-large');
    // Read up to the limit (and what the stream had buffered ahead), not the whole body.
    expect(pulled).toBeLessThan(uploadLimits.actuals.maxBytes + 8 * chunk.length);
    expect(await jobCount()).toBe(before);
  });

  it('refuses a zip bomb while it inflates: the job fails with the catalogued problem naming the file', async () => {
    // 60 MB of sheet XML declared as 1 KB: caught when inflating passes the declared size.
    const cells = '<c r="A1"><v>1</v></c>'.repeat((60 * 1024 * 1024) / 22);
    const bomb = zipOf('xl/worksheets/sheet1.xml', Buffer.from(`<worksheet>${cells}</worksheet>`), 1024);
    expect(bomb.length).toBeLessThan(uploadLimits.actuals.maxBytes);
    const job = await followJob(api, ctx, await upload('bomb.xlsx', new Uint8Array(bomb)), headers);
    expect(job.status).toBe('failed');
    expect(job.problems?.map((p) => [p.code, p.where?.file])).toEqual([
      ['io/xlsx-expands-too-much', 'bomb.xlsx'],
    ]);
  });

  it('runs two imports of one municipality one after the other, each all or nothing', async () => {
    const csv = (fy: number) => `code,fiscal_year,value\nTOP-POPULATION,${fy},${60000 + fy}\n`;
    const [a, b] = await Promise.all([upload('a.csv', csv(2027)), upload('b.csv', csv(2028))]);
    const [ja, jb] = await Promise.all([followJob(api, ctx, a!, headers), followJob(api, ctx, b!, headers)]);
    expect([ja.status, jb.status]).toEqual(['succeeded', 'succeeded']);
    const [first, second] = [ja, jb].sort((x, y) => Date.parse(x.startedAt!) - Date.parse(y.startedAt!));
    expect(Date.parse(second!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(first!.finishedAt!));
  });

  it('answers other requests while an import job runs', async () => {
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet('actuals');
    ws.addRow(['code', 'fiscal_year', 'value', 'note']);
    for (let i = 0; i < 10_000; i++) ws.addRow(['TOP-POPULATION', 2025, 60000 + i, `row ${i}`]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const started = await upload('heavy.xlsx', new Uint8Array(bytes), '&dryRun=true');
    expect(started.status).toBe(202);
    const { jobId } = (await started.clone().json()) as { jobId: string };
    // Wait until the job is reading the file, then ask for something else.
    for (let i = 0; i < 600 && (await ctx.jobs.get(jobId))?.status === 'queued'; i++)
      await new Promise((r) => setTimeout(r, 20));
    const read = await api.request('http://localhost/api/v1/indicators');
    expect(read.status).toBe(200);
    const answeredAt = Date.now();
    const job = await followJob(api, ctx, started, headers);
    // The read was answered before the import finished (it did not wait for it).
    expect(Date.parse(job.finishedAt!)).toBeGreaterThan(answeredAt);
    expect(['succeeded', 'failed']).toContain(job.status);
  });
});
