/** @mirai/server: the composition root (API, pages, built web assets, open-data files) and its start. */
export { runServer, type ServeOptions } from './run-server';
export { buildServer, startServer } from './start-server';
