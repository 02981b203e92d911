// The server's entry for other programs (`npm start`, `mirai serve`, the `mirai-server` bin): loads
// the TypeScript sources through tsx and runs the server. The CLI imports this module by package
// name, and only when asked to serve, so it never links the server statically (decision 0080).
import { register } from 'tsx/esm/api';

let main;

const loadMain = () => {
  if (!main) {
    // A second tsx registration in the same process is harmless (the CLI's bin registers one too).
    register();
    // Light: the application (and React's production build) is loaded only where a server runs.
    main = import('./src/main.ts');
  }
  return main;
};

/** Starts the server with options already read: { port, host, dataDir, databaseUrl, workers }. */
export async function serve(options) {
  const { serve: run } = await loadMain();
  return run(options);
}

/** Starts the server from command-line arguments (--port, --host, --data-dir, --database-url, --workers). */
export async function serveFromArgs(argv) {
  const { serveFromArgs: run } = await loadMain();
  return run(argv);
}
