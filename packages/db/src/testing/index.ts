export * from './each-database';
export * from './tcp-proxy';
