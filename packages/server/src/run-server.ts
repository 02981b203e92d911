/**
 * Runs the server as a program: opens the application on the embedded
 * database or a PostgreSQL URL, creates the first administrator on a new
 * embedded database, listens, and closes cleanly on SIGINT/SIGTERM.
 * `npm start`, `mirai serve` and `mirai-server` all end here.
 */
import cluster from 'node:cluster';
import {
  type AppConfig,
  bootstrapFirstAdmin,
  createLogger,
  log,
  mailConfigFromEnv,
  openApp,
  resumePublicationRendersEverywhere,
  setLog,
} from '@mirai/app';
import { shutdownGraceMs } from './main';
import { startServer } from './start-server';
import { SHUTDOWN_MESSAGE } from './workers';

export interface ServeOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** Behind a reverse proxy: client address, origin and scheme from its X-Forwarded-* headers. */
  trustProxy?: boolean;
  /** The public origin (https://mirai.city.example.jp); https turns on secure cookies and HSTS. */
  publicOrigin?: string;
}

/** Proxy settings from options, else the environment (MIRAI_TRUST_PROXY=1, MIRAI_PUBLIC_ORIGIN). */
export function proxyOptions(opts: ServeOptions) {
  const trustProxy = opts.trustProxy ?? ['1', 'true', 'yes'].includes(process.env.MIRAI_TRUST_PROXY ?? '');
  const publicOrigin = opts.publicOrigin ?? (process.env.MIRAI_PUBLIC_ORIGIN || undefined);
  return { trustProxy, ...(publicOrigin ? { publicOrigin: new URL(publicOrigin).origin } : {}) };
}

/** MIRAI_ANSWER_REVALIDATE_MS (default 1000; 0 checks the newest audit entry on every public answer). */
export function answerRevalidateMs(): number {
  const v = Number(process.env.MIRAI_ANSWER_REVALIDATE_MS ?? 1000);
  return Number.isFinite(v) && v >= 0 ? v : 1000;
}

export async function runServer(opts: ServeOptions): Promise<never> {
  const started = performance.now();
  setLog(createLogger({ destination: 1 }));
  const config: AppConfig = {};
  if (opts.dataDir) config.dataDir = opts.dataDir;
  if (opts.databaseUrl) config.databaseUrl = opts.databaseUrl;
  const proxy = proxyOptions(opts);
  // Links in e-mail: MIRAI_PUBLIC_URL, else the public origin (--public-origin too); decision 0154.
  const mail = mailConfigFromEnv({ ...process.env, MIRAI_PUBLIC_ORIGIN: proxy.publicOrigin ?? '' });
  if (mail.ok) config.mail = mail.value;
  const ctx = await openApp(config);
  const admin = ctx.database.dialect === 'pglite' ? await bootstrapFirstAdmin(ctx) : undefined;
  if (admin)
    log().info(
      `最初の管理者 / first administrator: ${admin.login} / 一時パスワード / one-time password: ${admin.oneTimePassword} (変更が必要 / must be changed at first sign-in)`,
    );
  const { url, close } = await startServer(ctx, opts.port ?? 3000, opts.host ?? '127.0.0.1', {
    auth: proxy,
    accessLog: process.env.MIRAI_ACCESS_LOG !== '0',
    // A checked published state is trusted for a second: writes through this server clear the cache
    // at once, writes by other processes (CLI, a second server) show within it (decision 0126).
    answerCache: { revalidateMs: answerRevalidateMs() },
  });
  // The data directory's owner lock now names this server, so a command beside it says where to go.
  ctx.database.lock?.update({ kind: 'server', url });
  // A published round's public PDF whose render failed or was never queued is queued again
  // (by one process: with --workers, the first worker only).
  const firstWorker = (process.env.MIRAI_WORKER_INDEX ?? '1') === '1';
  if (firstWorker)
    void resumePublicationRendersEverywhere(ctx)
      .then((queued) => {
        if (Object.keys(queued).length > 0)
          log().info(
            { queued },
            '公表用 PDF を再作成します / queued the public PDFs missing since publication',
          );
      })
      .catch((error: unknown) =>
        log().error(`resume renders: ${error instanceof Error ? error.message : 'error'}`),
      );
  // E-mail queued by requests is delivered after commit; the sweep retries and recovers (decision 0115).
  ctx.mail.start();
  log().info(
    ctx.mail.mode === 'smtp'
      ? 'メール: SMTPで送信 / mail: sent through SMTP'
      : 'メール: 送信せず送信箱に保存（MIRAI_SMTP_URL 未設定） / mail: held in the outbox (MIRAI_SMTP_URL not set)',
  );
  log().info(
    `Mirai: ${url} (${ctx.database.dialect}, ready in ${Math.round(performance.now() - started)} ms)`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    // A worker may be asked twice (its primary's message and the service manager's signal).
    if (stopping) return;
    stopping = true;
    log().info({ signal }, '停止中 / shutting down: finishing answers under way');
    await close(shutdownGraceMs());
    await ctx.close();
    log().info('停止しました / stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // One of several workers on one port: its primary asks for the same graceful stop (workers.ts).
  if (cluster.isWorker) process.on('message', (m) => void (m === SHUTDOWN_MESSAGE && stop('primary')));
  return new Promise<never>(() => {});
}
