/** @mirai/app: use cases over the database, file reading, policies. */
export * from './io';
