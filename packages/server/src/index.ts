/** @mirai/server: the composition root (API, pages, built web assets, open-data files) and its start. */

export { AnswerCache, AnswerStore } from './answer-cache';
export { definePage, mayOpen, type PageEntry, type PageRequest, staffPage } from './pages/page-table';
export { runServer, type ServeOptions } from './run-server';
export { buildServer, pageEntries, type ServerOptions, startServer } from './start-server';
