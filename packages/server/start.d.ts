// Types of start.js (the server's entry for other programs).
export interface ServeOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
}
export function serve(options: ServeOptions): Promise<never>;
export function serveFromArgs(argv: string[]): Promise<void>;
