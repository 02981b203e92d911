/** @mirai/core: the pure domain of Mirai. */
export * from './calendar';
export * from './cocreation';
export * from './errors';
export * from './evaluation';
export * from './indicators';
export * from './plan';
export * from './population';
export * from './random/rng';
export * from './survey';
export * from './text';
