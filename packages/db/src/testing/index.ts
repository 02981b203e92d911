export * from './each-database';
