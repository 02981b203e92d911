/**
 * Which municipality a request is for, from its host name (decision 0135):
 * a registered host answers for its municipality; an install with one
 * municipality answers every host with it (so `npm start` works at any
 * address, as before); with several, an unknown host is for nobody. The
 * registry is read at most every few seconds (and at once after this process
 * changed it).
 */
import { type HostDirectory, normalizeHost, readHostDirectory, registryGeneration } from '@mirai/db';
import type { AppContext } from '../context';

export type HostAnswer = { kind: 'municipality'; code: string } | { kind: 'empty' } | { kind: 'unknown' };

export class HostResolver {
  private directory: HostDirectory | undefined;
  private readAt = 0;
  private generation = -1;

  constructor(
    private readonly ctx: AppContext,
    private readonly ttlMs = 5_000,
  ) {}

  async resolve(hostHeader: string | null | undefined): Promise<HostAnswer> {
    const now = Date.now();
    if (!this.directory || now - this.readAt > this.ttlMs || this.generation !== registryGeneration()) {
      try {
        this.directory = await readHostDirectory(this.ctx.database.db);
        this.generation = registryGeneration();
        this.readAt = now;
      } catch (error) {
        // The database away: the hosts known a moment ago still hold (cached answers go on; 0141).
        if (!this.directory) throw error;
      }
    }
    return answerFor(this.directory, hostHeader);
  }
}

export function answerFor(directory: HostDirectory, hostHeader: string | null | undefined): HostAnswer {
  const host = hostHeader ? normalizeHost(hostHeader) : '';
  const code = directory.hosts.get(host);
  if (code) return { kind: 'municipality', code };
  if (directory.codes.length === 1) return { kind: 'municipality', code: directory.codes[0]! };
  if (directory.codes.length === 0) return { kind: 'empty' };
  return { kind: 'unknown' };
}
