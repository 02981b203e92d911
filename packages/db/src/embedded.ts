/**
 * Which database a query handle belongs to, for the few reads that are shaped differently on the
 * embedded database (PGlite) and on a server: `createDatabase` marks the embedded one. The mark is
 * on the handle's adapter, which its transactions and plugins share.
 */
import type { Kysely } from 'kysely';

const embedded = new WeakSet<object>();

// biome-ignore lint/suspicious/noExplicitAny: any database schema
export const markEmbedded = (db: Kysely<any>): void => void embedded.add(db.getExecutor().adapter);

/** Whether the handle (or a transaction of it) is on the embedded database. */
// biome-ignore lint/suspicious/noExplicitAny: any database schema
export const isEmbedded = (db: Kysely<any>): boolean => embedded.has(db.getExecutor().adapter);
