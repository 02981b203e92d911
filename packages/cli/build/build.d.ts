/** Builds the command line into a new directory under dist/ and makes it current; the entry's path. */
export function buildCli(): Promise<string>;
/** Builds unless the current build is up to date; the entry's path. */
export function ensureCli(): Promise<string>;
