// The mail module against a real SMTP server in-process (smtp-server) and a real
// database: queued in the event's transaction, delivered after commit, once per key.
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import { contextFor } from '../context';
import { queueMail } from './mail-queue';
import { readMailOutbox } from './outbox-use-cases';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink';

const admin: UserActor = {
  kind: 'user',
  via: 'session',
  userId: 1,
  login: 'admin',
  role: 'admin',
  department: null,
  links: [],
  mustChangePassword: false,
};

describeEachDatabase('mail delivery', (t) => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });
  beforeEach(() => sink.clear());

  const smtpCtx = () =>
    contextFor(t.handle, {
      mail: { smtpUrl: sink.url, from: 'Mirai <mirai@test.example>', publicUrl: 'http://x' },
    });

  it('sends a message queued in a committed transaction once, after commit, with Japanese intact', async () => {
    const ctx = smtpCtx();
    await t.handle.db.transaction().execute(async (tx) => {
      const r = await queueMail(tx, {
        idempotencyKey: 'test:commit',
        kind: 'test',
        to: 'hanako@example.jp',
        subject: '施策「子育て支援」が更新されました',
        text: '実績値が記録されました。\n配信停止: http://x/unfollow',
        headers: { 'List-Unsubscribe': '<http://x/unfollow>' },
      });
      expect(r).toEqual({ ok: true, value: { queued: true } });
      // Not delivered before commit: the row is invisible outside the transaction.
      ctx.mail.kick();
    });
    await ctx.mail.idle();
    ctx.mail.kick();
    await ctx.mail.idle();
    const got = await sink.waitFor(1);
    expect(got).toHaveLength(1);
    expect(got[0]?.to).toEqual(['hanako@example.jp']);
    expect(got[0]?.subject).toBe('施策「子育て支援」が更新されました');
    expect(got[0]?.text).toContain('実績値が記録されました。');
    expect(got[0]?.raw).toMatch(/^List-Unsubscribe: <http:\/\/x\/unfollow>$/m);
    // A second run, and the same key queued again, send nothing more.
    const again = await queueMail(t.handle.db, {
      idempotencyKey: 'test:commit',
      kind: 'test',
      to: 'hanako@example.jp',
      subject: 'again',
      text: 'again',
    });
    expect(again).toEqual({ ok: true, value: { queued: false } });
    ctx.mail.kick();
    await ctx.mail.idle();
    expect(sink.received).toHaveLength(1);
    const outbox = await readMailOutbox(ctx, admin);
    expect(outbox.ok && outbox.value.messages.find((m) => m.kind === 'test')?.status).toBe('sent');
  });

  it('sends nothing for a transaction that rolled back', async () => {
    const ctx = smtpCtx();
    await expect(
      t.handle.db.transaction().execute(async (tx) => {
        await queueMail(tx, {
          idempotencyKey: 'test:rollback',
          kind: 'test',
          to: 'a@example.jp',
          subject: 's',
          text: 't',
        });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    ctx.mail.kick();
    await ctx.mail.idle();
    expect(sink.received).toHaveLength(0);
    const { rows } = await sql`SELECT 1 FROM mail_outbox WHERE idempotency_key = 'test:rollback'`.execute(
      t.handle.db,
    );
    expect(rows).toHaveLength(0);
  });

  it('two deliverers at once send each message exactly once', async () => {
    for (let i = 0; i < 6; i++) {
      await queueMail(t.handle.db, {
        idempotencyKey: `test:race:${i}`,
        kind: 'race',
        to: `r${i}@example.jp`,
        subject: `s${i}`,
        text: 't',
      });
    }
    const a = smtpCtx();
    const b = smtpCtx();
    a.mail.kick();
    b.mail.kick();
    await Promise.all([a.mail.idle(), b.mail.idle()]);
    await sink.waitFor(6);
    expect(sink.received.map((m) => m.subject).sort()).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
  });

  it('retries a temporary refusal later, fails a permanent one, and never resends an interrupted claim', async () => {
    const ctx = smtpCtx();
    sink.refuseNext(451);
    await queueMail(t.handle.db, {
      idempotencyKey: 'test:451',
      kind: 'refuse',
      to: 'b@example.jp',
      subject: 'temp',
      text: 't',
    });
    ctx.mail.kick();
    await ctx.mail.idle();
    sink.refuseNext(550);
    await queueMail(t.handle.db, {
      idempotencyKey: 'test:550',
      kind: 'refuse',
      to: 'c@example.jp',
      subject: 'perm',
      text: 't',
    });
    ctx.mail.kick();
    await ctx.mail.idle();
    const { rows } = await sql<{ idempotency_key: string; status: string; attempts: number; due: boolean }>`
      SELECT idempotency_key, status, attempts, next_attempt_at > now() AS due FROM mail_outbox
      WHERE kind = 'refuse' ORDER BY id`.execute(t.handle.db);
    expect(rows.map((r) => [r.idempotency_key, r.status, r.attempts, r.due])).toEqual([
      ['test:451', 'pending', 1, true],
      ['test:550', 'failed', 1, false],
    ]);
    // Due again: the retry goes out.
    await sql`UPDATE mail_outbox SET next_attempt_at = now() WHERE idempotency_key = 'test:451'`.execute(
      t.handle.db,
    );
    ctx.mail.kick();
    await ctx.mail.idle();
    expect(sink.received.map((m) => m.subject)).toEqual(['temp']);
    // A claim left by a stopped process becomes unknown at start, and is not sent.
    await queueMail(t.handle.db, {
      idempotencyKey: 'test:stale',
      kind: 'stale',
      to: 'd@example.jp',
      subject: 'stale',
      text: 't',
    });
    await sql`UPDATE mail_outbox SET status = 'sending', claimed_at = now() - interval '1 hour'
      WHERE idempotency_key = 'test:stale'`.execute(t.handle.db);
    ctx.mail.start(60_000);
    await ctx.mail.close();
    const stale = await sql<{
      status: string;
    }>`SELECT status FROM mail_outbox WHERE idempotency_key = 'test:stale'`.execute(t.handle.db);
    expect(stale.rows[0]?.status).toBe('unknown');
    expect(sink.received.map((m) => m.subject)).toEqual(['temp']);
  });

  it('without SMTP holds every message in the outbox, shown to administrators only', async () => {
    const ctx = contextFor(t.handle);
    await queueMail(t.handle.db, {
      idempotencyKey: 'test:held',
      kind: 'held',
      to: 'e@example.jp',
      subject: '保留',
      text: '本文',
    });
    ctx.mail.kick();
    await ctx.mail.idle();
    expect(sink.received).toHaveLength(0);
    const view = await readMailOutbox(ctx, admin, { status: 'held' });
    expect(view.ok && view.value.mode).toBe('outbox');
    expect(view.ok && view.value.messages.map((m) => [m.subject, m.text])).toEqual([['保留', '本文']]);
    const denied = await readMailOutbox(ctx, { ...admin, role: 'planning-editor' });
    expect(denied.ok).toBe(false);
  });

  it('refuses a bad address or a subject with a line break, queueing nothing', async () => {
    const r = await queueMail(t.handle.db, {
      idempotencyKey: 'test:bad',
      kind: 'bad',
      to: 'not an address',
      subject: 'x\r\nBcc: victim@example.jp',
      text: 't',
    });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['mail/bad-address', 'mail/bad-header']);
    const { rows } = await sql`SELECT 1 FROM mail_outbox WHERE kind = 'bad'`.execute(t.handle.db);
    expect(rows).toHaveLength(0);
  });
});
