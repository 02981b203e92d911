// Types of start.js (the server's entry for other programs).
export interface ServeOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  trustProxy?: boolean;
  publicOrigin?: string;
  /** Server processes behind the one port (node:cluster; PostgreSQL only). */
  workers?: number;
}
export function serve(options: ServeOptions): Promise<void>;
export function serveFromArgs(argv: string[]): Promise<void>;
