// A job's input in pieces (decision 0151), on PGlite and PostgreSQL: byte for byte at every size
// around a piece's edge, the old column still read, and stray pieces removed.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/each-database';
import { finishJob, insertJob } from './job.repository';
import {
  dropJobInput,
  dropStrayJobInputs,
  jobInputChunkBytes,
  readJobInput,
  storeJobInput,
} from './job-input.repository';

const pieces = async (db: Parameters<typeof readJobInput>[0], id: string) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM job_input_chunks WHERE job_id = ${id}::uuid`.execute(db)
  ).rows[0]!.n;

describeEachDatabase('job input in pieces', (t) => {
  const newJob = (id?: string) =>
    insertJob(t.handle.db, {
      ...(id ? { id } : {}),
      kind: 'test:input',
      payload: {},
      actor: 'user:u1',
      userId: 1,
      groupKey: null,
    });

  it('reads back every byte at each size around a piece edge, in as many pieces as it needs', async () => {
    const { db } = t.handle;
    const c = jobInputChunkBytes;
    for (const size of [0, 1, c - 1, c, c + 1, 2 * c + 5]) {
      const id = randomUUID();
      const bytes = new Uint8Array(randomBytes(size));
      await storeJobInput(db, id, bytes);
      await newJob(id);
      expect(await pieces(db, id)).toBe(Math.max(1, Math.ceil(size / c)));
      const back = await readJobInput(db, id);
      expect(back?.byteLength).toBe(size);
      expect(Buffer.from(back!).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('keeps the input of a job with none stored as null, and reads the file of a job queued before pieces', async () => {
    const { db } = t.handle;
    expect(await readJobInput(db, await newJob())).toBeNull();
    const old = await newJob();
    const bytes = randomBytes(3000);
    await sql`UPDATE jobs SET input = decode(${bytes.toString('hex')}, 'hex') WHERE id = ${old}::uuid`.execute(
      db,
    );
    expect(Buffer.from((await readJobInput(db, old))!).equals(bytes)).toBe(true);
  });

  it('removes the pieces when the job finishes, and stray pieces only once they are old', async () => {
    const { db } = t.handle;
    const done = randomUUID();
    await storeJobInput(db, done, new Uint8Array(10));
    await newJob(done);
    await finishJob(db, done, { status: 'succeeded', result: null });
    expect(await pieces(db, done)).toBe(0);

    const queued = randomUUID();
    const orphan = randomUUID(); // an upload that stopped before its job row
    const fresh = randomUUID(); // an upload still being stored
    const finished = randomUUID(); // finished, but stopped before its pieces were removed
    for (const id of [queued, orphan, fresh, finished]) await storeJobInput(db, id, new Uint8Array(5));
    await newJob(queued);
    await newJob(finished);
    await sql`UPDATE jobs SET status = 'failed' WHERE id = ${finished}::uuid`.execute(db);
    await sql`UPDATE job_input_chunks SET stored_at = now() - interval '2 hours'
      WHERE job_id IN (${queued}::uuid, ${orphan}::uuid, ${finished}::uuid)`.execute(db);
    expect(await dropStrayJobInputs(db)).toBe(2);
    expect([await pieces(db, queued), await pieces(db, orphan), await pieces(db, fresh)]).toEqual([1, 0, 1]);
    expect(await pieces(db, finished)).toBe(0);
    await dropJobInput(db, fresh);
    expect(await pieces(db, fresh)).toBe(0);
  });
});
