/**
 * Lets the rest of the process run: a long piece of work on the server's
 * thread (an import's checks and writes) awaits this between slices, so that
 * requests and their database queries are answered in between (decision 0099).
 */
import { setImmediate } from 'node:timers/promises';

export async function letOthersRun(): Promise<void> {
  await setImmediate();
}
