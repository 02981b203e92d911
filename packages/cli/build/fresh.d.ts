export const cliRoot: string;
export const repoRoot: string;
export const distDir: string;
export const stampFile: string;
export const MARGIN_MS: number;
/** The built entry when every input is older than the build, else why it is stale. */
export function builtCli():
  | { entry: string; dir: string; stale?: undefined }
  | { entry?: undefined; stale: string };
