/**
 * Readiness: the database answers and every migration this version knows is
 * applied. GET /readyz answers 503 otherwise, so a load balancer or systemd
 * sends no traffic to a process whose database is down or behind, or that
 * is shutting down.
 */
import { globally, migrations } from '@mirai/db';
import { sql } from 'kysely';
import type { AppContext } from '../context';

export interface Readiness {
  ready: boolean;
  /** Shutting down: finishing the answers under way, taking no new work. */
  draining: boolean;
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
}

/** Readiness is about the process and its database: global work (tenancy, decision 0137). */
export function checkReadiness(ctx: AppContext): Promise<Readiness> {
  return globally(() => readiness(ctx));
}

async function readiness(ctx: AppContext): Promise<Readiness> {
  try {
    const r = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(ctx.database.db);
    const applied = new Set(r.rows.map((x) => x.name));
    const pendingMigrations = Object.keys(migrations).filter((m) => !applied.has(m));
    const draining = ctx.lifecycle.draining;
    return {
      ready: pendingMigrations.length === 0 && !draining,
      draining,
      database: 'ok',
      pendingMigrations,
    };
  } catch {
    return { ready: false, draining: ctx.lifecycle.draining, database: 'unreachable', pendingMigrations: [] };
  }
}
