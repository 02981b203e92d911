/**
 * A real SMTP server in the test process (the `smtp-server` package, parsed
 * with `mailparser`): tests and browser tests send through it and read what
 * arrived. `refuseNext(code)` makes the next messages fail with an SMTP code.
 * Test-only (dev dependencies): import from `@mirai/app/mail-testing`.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Map<string, unknown>;
  raw: string;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT, for MIRAI_SMTP_URL. */
  url: string;
  readonly received: ReceivedMail[];
  /** Messages to `address`. */
  to(address: string): ReceivedMail[];
  /** Waits until at least `n` messages have arrived (or throws after `ms`). */
  waitFor(n: number, ms?: number): Promise<ReceivedMail[]>;
  /** The next `count` messages are refused at DATA with `code` (e.g. 451 temporary, 550 permanent). */
  refuseNext(code: number, count?: number): void;
  clear(): void;
  close(): Promise<void>;
}

const addressText = (a: ParsedMail['from'] | ParsedMail['to']) =>
  a === undefined ? '' : Array.isArray(a) ? a.map((x) => x.text).join(', ') : a.text;

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const refusal = refusals.shift();
        if (refusal !== undefined) {
          const err = new Error(`refused by the test server (${refusal})`) as Error & {
            responseCode: number;
          };
          err.responseCode = refusal;
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            received.push({
              from: addressText(mail.from),
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              headers: mail.headers,
              raw,
            });
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((m) => m.to.includes(address)),
    async waitFor(n, ms = 5000) {
      const until = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} message(s), got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    refuseNext(code, count = 1) {
      for (let i = 0; i < count; i++) refusals.push(code);
    },
    clear() {
      received.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
