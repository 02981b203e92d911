/**
 * Which municipality the code running now works for (decision 0135). The
 * binding travels with the async call chain (AsyncLocalStorage): the server's
 * host middleware, the CLI and the job worker set it; the database wrapper
 * (tenant-dialect.ts) reads it when a connection is acquired and makes that
 * connection see only the municipality's rows. Nothing else reads it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type MunicipalityBinding =
  | { kind: 'municipality'; code: string }
  | { kind: 'global' }
  | { kind: 'nobody' };

const storage = new AsyncLocalStorage<MunicipalityBinding>();

/** Runs `fn` (and everything it starts) for one municipality. */
export function withMunicipality<T>(code: string, fn: () => T): T {
  return storage.run({ kind: 'municipality', code }, fn);
}

/**
 * Runs `fn` as global work: migrations, the municipality registry, job polling,
 * mail delivery. It sees every municipality's rows; keep it to those.
 */
export function globally<T>(fn: () => T): T {
  return storage.run({ kind: 'global' }, fn);
}

/**
 * Runs `fn` for no municipality (a request at a host none answers at):
 * role `mirai_tenant` with no municipality, which sees no tenant row and can write none.
 */
export function withNobody<T>(fn: () => T): T {
  return storage.run({ kind: 'nobody' }, fn);
}

export function currentBinding(): MunicipalityBinding | undefined {
  return storage.getStore();
}

/** The bound municipality's code, or undefined (global work, or unbound). */
export function boundMunicipality(): string | undefined {
  const b = storage.getStore();
  return b?.kind === 'municipality' ? b.code : undefined;
}

let generation = 0;
/** Tells this process's database wrappers that the registry changed (their "only municipality" is stale). */
export function registryChanged(): void {
  generation++;
}
export function registryGeneration(): number {
  return generation;
}
