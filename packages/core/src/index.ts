/** @mirai/core: the pure domain of Mirai. */
export * from './calendar';
export * from './errors';
export * from './evaluation';
export * from './population';
export * from './text';
