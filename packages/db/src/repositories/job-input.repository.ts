/**
 * A job's input in pieces (migration 0092, decision 0151). On the embedded
 * database every statement runs on the server's own thread: one 10 MB value
 * held it for seconds (PGlite writes a bytea parameter as hex text one byte at
 * a time, and parses it back the same way). Each piece is at most
 * `jobInputChunkBytes`, travels as base64 text (encoded and decoded natively on
 * both sides) and is written or read in its own statement, with a pause
 * between pieces so that other requests are answered meanwhile.
 */
import { setImmediate } from 'node:timers/promises';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema';

export interface JobInputTables {
  job_input_chunks: {
    job_id: string;
    seq: number;
    bytes: Uint8Array;
    stored_at: Date;
    municipality_code: string;
  };
}

type Db = Kysely<Database> | Transaction<Database>;

/** Bytes per piece: a short statement on PGlite even on a loaded machine. */
export const jobInputChunkBytes = 256 * 1024;

const pause = () => setImmediate();

/**
 * Stores a job's input before its job row exists (the row, written last, makes the job visible; an
 * accepted job therefore always has all its pieces). An empty input is one empty piece.
 */
export async function storeJobInput(db: Db, jobId: string, bytes: Uint8Array): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let seq = 0, at = 0; seq === 0 || at < buf.length; seq++, at += jobInputChunkBytes) {
    if (seq > 0) await pause();
    const piece = buf.subarray(at, at + jobInputChunkBytes).toString('base64');
    await sql`
      INSERT INTO job_input_chunks (job_id, seq, bytes)
      VALUES (${jobId}::uuid, ${seq}, decode(${piece}, 'base64'))`.execute(db);
  }
}

/** The job's input, piece by piece; a job queued before migration 0092 keeps it in `jobs.input`. */
export async function readJobInput(db: Db, jobId: string): Promise<Uint8Array | null> {
  const pieces: Buffer[] = [];
  for (let seq = 0; ; seq++) {
    if (seq > 0) await pause();
    const { rows } = await sql<{ b: string }>`
      SELECT encode(bytes, 'base64') AS b FROM job_input_chunks
      WHERE job_id = ${jobId}::uuid AND seq = ${seq}`.execute(db);
    if (!rows[0]) break;
    pieces.push(Buffer.from(rows[0].b, 'base64'));
  }
  if (pieces.length > 0) return new Uint8Array(Buffer.concat(pieces));
  const { rows } = await sql<{ b: string | null }>`
    SELECT encode(input, 'base64') AS b FROM jobs WHERE id = ${jobId}::uuid`.execute(db);
  const old = rows[0]?.b;
  return old === undefined || old === null ? null : new Uint8Array(Buffer.from(old, 'base64'));
}

/** Removes a job's input (its job finished). */
export async function dropJobInput(db: Db, jobId: string): Promise<void> {
  await sql`DELETE FROM job_input_chunks WHERE job_id = ${jobId}::uuid`.execute(db);
}

/**
 * Removes pieces no unfinished job will read: those of a finished or vanished job, or left by an
 * upload that stopped before its job row was written. Only pieces older than `olderThanMinutes`, so
 * an upload still being stored (by another process, on a server) is left alone. Answers how many.
 */
export async function dropStrayJobInputs(db: Db, olderThanMinutes = 60): Promise<number> {
  const result = await sql`
    DELETE FROM job_input_chunks c
    WHERE c.stored_at < now() - make_interval(mins => ${olderThanMinutes}::int)
      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = c.job_id AND j.status IN ('queued', 'running'))`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}
