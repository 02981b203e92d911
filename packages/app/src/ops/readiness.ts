/**
 * Readiness: the database answers and every migration this version knows is
 * applied. GET /readyz answers 503 otherwise, so a load balancer or systemd
 * sends no traffic to a process whose database is down or behind.
 */
import { migrations } from '@mirai/db';
import { sql } from 'kysely';
import type { AppContext } from '../context';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
}

export async function checkReadiness(ctx: AppContext): Promise<Readiness> {
  try {
    const r = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(ctx.database.db);
    const applied = new Set(r.rows.map((x) => x.name));
    const pendingMigrations = Object.keys(migrations).filter((m) => !applied.has(m));
    return { ready: pendingMigrations.length === 0, database: 'ok', pendingMigrations };
  } catch {
    return { ready: false, database: 'unreachable', pendingMigrations: [] };
  }
}
