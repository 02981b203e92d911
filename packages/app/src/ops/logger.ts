/**
 * The server's log: one JSON object per line (pino) for journald, Docker or
 * a log shipper; readable lines instead when a person watches a terminal.
 * MIRAI_LOG_FORMAT=json|text chooses explicitly, MIRAI_LOG_LEVEL the level
 * (default info). Fields that could hold secrets are removed before writing.
 */
import { type DestinationStream, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'json' | 'text';

export interface LoggerOptions {
  format?: LogFormat;
  level?: string;
  /** Where lines go: a stream, or a file descriptor (default 1, standard output). */
  destination?: DestinationStream | 1 | 2;
}

/** Keys never written, wherever they appear in a logged object. */
const secretKeys = ['password', 'passwordHash', 'token', 'tokenHash', 'cookie', 'authorization', 'secret'];

export function logFormatFromEnv(env = process.env, isTty = process.stdout.isTTY === true): LogFormat {
  const f = env.MIRAI_LOG_FORMAT;
  if (f === 'json' || f === 'text') return f;
  return isTty ? 'text' : 'json';
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const format = opts.format ?? logFormatFromEnv();
  const options = {
    level: opts.level ?? process.env.MIRAI_LOG_LEVEL ?? 'info',
    base: { service: 'mirai' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: secretKeys.flatMap((k) => [k, `*.${k}`]), remove: true },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  const target = opts.destination ?? 1;
  const destination =
    typeof target !== 'number'
      ? target
      : format === 'text'
        ? pretty({
            sync: true,
            destination: target,
            translateTime: 'SYS:HH:MM:ss',
            ignore: 'pid,hostname,service',
          })
        : pino.destination({ dest: target, sync: true });
  return pino(options, destination);
}

let shared: Logger | undefined;

/**
 * The process's logger. The server sets it to standard output at start; in a
 * command-line process it writes to standard error, so a command's own output
 * (JSON, CSV) stays clean.
 */
export function log(): Logger {
  shared ??= createLogger({
    destination: 2,
    format: logFormatFromEnv(process.env, process.stderr.isTTY === true),
  });
  return shared;
}

export function setLog(logger: Logger): void {
  shared = logger;
}
