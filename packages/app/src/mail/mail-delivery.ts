/**
 * Delivery after commit. `kick()` starts a run soon (runs never overlap, and
 * a kick during a run schedules one more); `idle()` waits for the runs asked
 * so far; `start()` adds a periodic sweep for retries (the server calls it).
 * With SMTP each claimed message is sent once through nodemailer; without it,
 * pending messages are held in the outbox. A message is sent at most once: it
 * is claimed before sending, and a claim never finished becomes `unknown`.
 */
import type { Database, MailOutcome, OutboxRow } from '@mirai/db';
import { abandonStaleMail, claimMail, finishMail, globally, holdPendingMail } from '@mirai/db';
import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import { log } from '../ops/logger';
import type { MailConfig } from './mail-config';

export interface DeliveryReport {
  sent: number;
  held: number;
  retried: number;
  failed: number;
}

/** Retries for failures that show the server did not take the message (4xx, no connection). */
const maxAttempts = 5;
const backoffSeconds = (attempt: number) => Math.min(3600, 30 * 2 ** (attempt - 1));
/** Claims older than this were interrupted (the process stopped); they are not sent again. */
const staleSeconds = 600;

interface SmtpError {
  code?: string;
  command?: string;
  responseCode?: number;
  message?: string;
}

/** What a failed send means for the message (see decision 0115). */
export function outcomeOfError(e: unknown, attempt: number): MailOutcome {
  const err = (e ?? {}) as SmtpError;
  const text =
    `${err.code ?? 'ERROR'}${err.responseCode ? ` ${err.responseCode}` : ''}: ${err.message ?? String(e)}`.slice(
      0,
      500,
    );
  const refusedBeforeData =
    err.command === 'CONN' ||
    ['ECONNECTION', 'ECONNREFUSED', 'EDNS', 'EAUTH', 'ETLS'].includes(err.code ?? '');
  const temporary = err.responseCode !== undefined && err.responseCode >= 400 && err.responseCode < 500;
  if (refusedBeforeData || temporary) {
    return attempt >= maxAttempts
      ? { status: 'failed', error: text }
      : { status: 'retry', error: text, afterSeconds: backoffSeconds(attempt) };
  }
  if (err.responseCode !== undefined && err.responseCode >= 500) return { status: 'failed', error: text };
  // The connection broke without an answer: the server may have taken it; never send twice.
  return { status: 'unknown', error: text };
}

export class MailDelivery {
  /** nodemailer's transport, loaded when SMTP is configured (decision 0083). */
  private readonly transport: Promise<Transporter> | null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Totals since start, for logs and tests. */
  readonly totals: DeliveryReport = { sent: 0, held: 0, retried: 0, failed: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    readonly config: MailConfig,
  ) {
    const url = config.smtpUrl;
    this.transport = url ? import('nodemailer').then((m) => m.default.createTransport(url)) : null;
  }

  /** Whether messages leave the system (SMTP) or are held in the outbox. */
  get mode(): 'smtp' | 'outbox' {
    return this.transport ? 'smtp' : 'outbox';
  }

  /** Asks for a delivery run after the current one; never throws. */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // Delivery is global work: it sends every municipality's queued mail (decision 0135).
    this.running = globally(async () => {
      do {
        this.again = false;
        try {
          await this.deliverDue();
        } catch (e) {
          log().error(`mail delivery: ${(e as Error).message}`);
        }
      } while (this.again && !this.closed);
    }).finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no run is in progress (every kick so far has been served). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Periodic sweep (retries, messages queued by other processes) and recovery of interrupted claims. */
  start(intervalMs = 30_000): void {
    if (this.timer || this.closed) return;
    void globally(() => abandonStaleMail(this.db, staleSeconds)).catch(() => {});
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
    (await this.transport)?.close();
  }

  /** One pass over every due message; returns what happened. */
  async deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, held: 0, retried: 0, failed: 0 };
    if (!this.transport) {
      report.held = await holdPendingMail(this.db);
    } else {
      for (;;) {
        const batch = await claimMail(this.db, 20);
        if (batch.length === 0) break;
        for (const m of batch) await this.send(m, report);
      }
    }
    for (const k of Object.keys(report) as (keyof DeliveryReport)[]) this.totals[k] += report[k];
    return report;
  }

  private async send(m: OutboxRow, report: DeliveryReport): Promise<void> {
    let outcome: MailOutcome;
    try {
      const info = await (await this.transport!).sendMail({
        from: this.config.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        headers: { ...m.headers, 'X-Mirai-Message': m.idempotencyKey },
      });
      outcome = { status: 'sent', messageId: info.messageId ?? null };
    } catch (e) {
      outcome = outcomeOfError(e, m.attempts);
    }
    await finishMail(this.db, m.id, outcome);
    if (outcome.status === 'sent') report.sent++;
    else if (outcome.status === 'retry') report.retried++;
    else report.failed++;
  }
}
