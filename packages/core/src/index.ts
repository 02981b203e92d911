/** @mirai/core: the pure domain of Mirai. */
export * from './errors';
