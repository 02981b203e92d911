/**
 * The embedded database has one owner. Whoever opens a PGlite data directory
 * (a server or one CLI command) first creates `mirai-owner.lock` in it with
 * O_EXCL, holding its pid, kind and, for a server, its URL; it is removed at
 * close. A second opener is refused at once with `database/in-use`, which says
 * how to proceed. A lock whose pid is no longer running (a crash, SIGKILL) is
 * stale and taken over. See docs/decisions/0085-embedded-database-owner.md.
 */
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { defineProblem, ProblemError } from '@mirai/core';

export const lockFileName = 'mirai-owner.lock';

export interface LockHolder {
  pid: number;
  kind: 'server' | 'command';
  /** The server's address, once it listens. */
  url?: string;
  /** What the holder runs (e.g. `mirai indicators record`). */
  command: string;
  startedAt: string;
}

export const dataDirProblems = {
  inUseByServer: defineProblem<{ dataDir: string; pid: number; url: string }>(
    'database/in-use',
    'conflict',
    (p) => ({
      ja: `データディレクトリ ${p.dataDir} は起動中の Mirai サーバー（pid ${p.pid}、${p.url}）が使用しています。この操作はサーバーの画面または API（${p.url}）で行うか、サーバーを止めてから再実行してください。何も変更していません。`,
      en: `The data directory ${p.dataDir} is held by a running Mirai server (pid ${p.pid}, ${p.url}). Do this through the server (web app or API at ${p.url}), or stop the server and run the command again. Nothing was changed.`,
    }),
  ),
  inUseByCommand: defineProblem<{ dataDir: string; pid: number; command: string }>(
    'database/in-use-by-command',
    'conflict',
    (p) => ({
      ja: `データディレクトリ ${p.dataDir} は実行中の別のコマンド（pid ${p.pid}: ${p.command}）が使用しています。終わってから再実行してください。何も変更していません。`,
      en: `The data directory ${p.dataDir} is held by another running command (pid ${p.pid}: ${p.command}). Run this again when it has finished. Nothing was changed.`,
    }),
  ),
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readHolder(path: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : undefined;
  } catch {
    return undefined;
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Records more about the holder (a server's URL once it listens). */
  update(extra: Partial<Pick<LockHolder, 'kind' | 'url'>>): void;
  release(): void;
}

const defaultCommand = () =>
  ['mirai', ...process.argv.slice(2).filter((a) => !a.startsWith('-'))].slice(0, 4).join(' ');

/** Takes the data directory's lock, or throws a ProblemError naming its live holder. */
export function acquireDataDirLock(dataDir: string, command = defaultCommand()): DataDirLock {
  const path = join(dataDir, lockFileName);
  let holder: LockHolder = {
    pid: process.pid,
    kind: 'command',
    command,
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const other = readHolder(path);
      if (other && alive(other.pid)) {
        throw new ProblemError([
          other.kind === 'server'
            ? dataDirProblems.inUseByServer.create({ dataDir, pid: other.pid, url: other.url ?? '' })
            : dataDirProblems.inUseByCommand.create({ dataDir, pid: other.pid, command: other.command }),
        ]);
      }
      // Stale (its process is gone) or unreadable (a crash while writing it): take it over.
      rmSync(path, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify(holder));
    closeSync(fd);
    let held = true;
    return {
      path,
      update(extra) {
        holder = { ...holder, ...extra };
        if (held) writeFileSync(path, JSON.stringify(holder));
      },
      release() {
        if (!held) return;
        held = false;
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
      },
    };
  }
  throw new Error(`could not take the lock ${path}`);
}
