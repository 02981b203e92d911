// The server's entry for other programs (`npm start`, `mirai serve`, the `mirai-server` bin): loads
// the TypeScript sources through tsx and runs the server. The CLI imports this module by package
// name, and only when asked to serve, so it never links the server statically (decision 0080).
import { register } from 'tsx/esm/api';

let main;

/**
 * React's production build on the server whatever NODE_ENV says: React picks its build when first
 * loaded, so it is loaded here with NODE_ENV=production and NODE_ENV is then put back (it also
 * decides other things, such as secure cookies). Decision 0096.
 */
async function productionReact() {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await import('react');
    await import('react/jsx-runtime');
    await import('react-dom/server');
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}
const loadMain = () => {
  if (!main) {
    // A second tsx registration in the same process is harmless (the CLI's bin registers one too).
    register();
    main = productionReact().then(() => import('./src/main.ts'));
  }
  return main;
};

/** Starts the server with options already read: { port, host, dataDir, databaseUrl }. */
export async function serve(options) {
  const { runServer } = await loadMain();
  return runServer(options);
}

/** Starts the server from command-line arguments (--port, --host, --data-dir, --database-url). */
export async function serveFromArgs(argv) {
  const { serveFromArgs: run } = await loadMain();
  return run(argv);
}
