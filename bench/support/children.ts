/**
 * Server processes a benchmark started are never left behind: each is tracked until it exits,
 * and when the benchmark ends (normally, by an exception, or by SIGINT/SIGTERM/SIGHUP) every one
 * still running is killed. SIGKILL on a cluster primary also ends its workers (node:cluster ends a
 * worker whose primary is gone).
 */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let installed = false;

function killAll(signal: NodeJS.Signals) {
  for (const p of live) if (p.exitCode === null && p.signalCode === null) p.kill(signal);
}

function install() {
  if (installed) return;
  installed = true;
  process.once('exit', () => killAll('SIGKILL'));
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(s, () => {
      killAll('SIGTERM');
      setTimeout(() => process.exit(130), 2000).unref();
      // Give graceful stops a moment, then the exit handler kills what is left.
      const wait = setInterval(() => {
        if ([...live].every((p) => p.exitCode !== null || p.signalCode !== null)) process.exit(130);
      }, 100);
      wait.unref();
    });
}

/** Tracks `proc` until it exits. */
export function track<T extends ChildProcess>(proc: T): T {
  install();
  live.add(proc);
  proc.once('exit', () => live.delete(proc));
  return proc;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
export function stopProcess(proc: ChildProcess, graceMs = 20_000): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    const hard = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    proc.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}
