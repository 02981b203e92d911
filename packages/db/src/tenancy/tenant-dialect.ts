/**
 * The one place isolation is enforced (decision 0135): a wrapper around the
 * Kysely driver that, when a connection is acquired, makes it match the
 * current binding (binding.ts) before any query runs on it:
 * - bound to a municipality: `mirai.municipality` = its code and role
 *   `mirai_tenant`, whose row-level security policies show and accept only
 *   that municipality's rows (every tenant table; migration 0090);
 * - global work: the login role again (RESET ROLE) and an empty setting;
 * - unbound: the registry's only municipality when there is exactly one (a
 *   single-municipality install, and tests, work unchanged); with none, global
 *   (an empty database before its first plan); with several, role
 *   `mirai_tenant` and no municipality, which sees no tenant row at all.
 * A connection is switched only when it differs from what it already has (one
 * statement). PGlite hands out a single shared connection: a request for
 * another binding waits until its current holders have released it, so two
 * municipalities never share a connection at the same time.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';
import { currentBinding, type MunicipalityBinding, registryGeneration } from './binding';

/** The role that tenant work runs as (created by migration 0090). */
export const tenantRole = 'mirai_tenant';
/** How long this process trusts its knowledge of "the only municipality" (another process may add one). */
const soleTtlMs = 5_000;

const GLOBAL = 'G';
const NOBODY = 'N';
type Want = string; // GLOBAL, NOBODY or `M:<code>`

interface ConnectionState {
  applied: Want | undefined;
  holders: number;
  waiting: (() => void)[];
}

class TenantDriver implements Driver {
  private readonly states = new WeakMap<DatabaseConnection, ConnectionState>();
  private sole: { want: Want; at: number; generation: number } | undefined;

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  private stateOf(conn: DatabaseConnection): ConnectionState {
    let s = this.states.get(conn);
    if (!s) {
      s = { applied: undefined, holders: 0, waiting: [] };
      this.states.set(conn, s);
    }
    return s;
  }

  private knownFallback(): Want | undefined {
    const s = this.sole;
    if (!s || s.generation !== registryGeneration() || Date.now() - s.at > soleTtlMs) return undefined;
    return s.want;
  }

  /** Unbound work: the only registered municipality, global before any, nobody with several. */
  private async lookUpFallback(conn: DatabaseConnection): Promise<Want> {
    const generation = registryGeneration();
    let want: Want;
    try {
      const { rows } = await conn.executeQuery<{ code: string }>(
        CompiledQuery.raw('SELECT code FROM municipalities ORDER BY code LIMIT 2'),
      );
      want = rows.length === 0 ? GLOBAL : rows.length === 1 ? `M:${rows[0]!.code}` : NOBODY;
    } catch (error) {
      // Before migration 0090 there is no registry: nothing is tenant-scoped yet. Any other
      // failure (the server away) is the query's failure, and nothing is remembered.
      if ((error as { code?: string }).code !== '42P01') throw error;
      want = GLOBAL;
    }
    this.sole = { want, at: Date.now(), generation };
    return want;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const binding = currentBinding();
    for (;;) {
      const conn = await this.inner.acquireConnection();
      const state = this.stateOf(conn);
      // Unbound work joining a connection in use keeps the last answer rather than wait on itself.
      const known = binding
        ? wantOf(binding)
        : (this.knownFallback() ?? (state.holders > 0 ? this.sole?.want : undefined));
      if (state.holders > 0 && (known === undefined || known !== state.applied)) {
        // Shared connection (PGlite) in use under another binding: wait for it to be free.
        await new Promise<void>((resolve) => state.waiting.push(resolve));
        continue;
      }
      state.holders++;
      try {
        const want = known ?? (await this.lookUpFallback(conn));
        if (state.applied !== want) {
          if (state.holders > 1) {
            // Someone joined while we looked up; give way and start again.
            this.free(conn, state);
            continue;
          }
          state.applied = undefined;
          await conn.executeQuery(switchTo(want));
          state.applied = want;
        }
        return conn;
      } catch (error) {
        this.free(conn, state);
        await this.inner.releaseConnection(conn);
        throw error;
      }
    }
  }

  private free(_conn: DatabaseConnection, state: ConnectionState): void {
    state.holders--;
    if (state.holders === 0) for (const wake of state.waiting.splice(0)) wake();
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    this.free(conn, this.stateOf(conn));
    await this.inner.releaseConnection(conn);
  }

  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(conn, settings);
  }
  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(conn);
  }
  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(conn);
  }
  savepoint(
    conn: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ) {
    return this.inner.savepoint!(conn, name, compile);
  }
  rollbackToSavepoint(
    conn: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ) {
    return this.inner.rollbackToSavepoint!(conn, name, compile);
  }
  releaseSavepoint(
    conn: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ) {
    return this.inner.releaseSavepoint!(conn, name, compile);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

function wantOf(binding: MunicipalityBinding): Want {
  return binding.kind === 'global' ? GLOBAL : binding.kind === 'nobody' ? NOBODY : `M:${binding.code}`;
}

function switchTo(want: Want): CompiledQuery {
  if (want === GLOBAL)
    return CompiledQuery.raw(
      "SELECT set_config('role', 'none', false), set_config('mirai.municipality', '', false)",
    );
  const code = want === NOBODY ? '' : want.slice(2);
  return CompiledQuery.raw(
    `SELECT set_config('mirai.municipality', $1, false), set_config('role', '${tenantRole}', false)`,
    [code],
  );
}

/** The dialect with its driver wrapped (everything else unchanged). */
export function tenantDialect(inner: Dialect): Dialect {
  return {
    createAdapter: (): DialectAdapter => inner.createAdapter(),
    createDriver: (): Driver => new TenantDriver(inner.createDriver()),
    createQueryCompiler: (): QueryCompiler => inner.createQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => inner.createIntrospector(db),
  };
}
