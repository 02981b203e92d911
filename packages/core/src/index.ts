/** @mirai/core: the pure domain of Mirai. */
export * from './areas';
export * from './calendar';
export * from './cocreation';
export * from './errors';
export * from './evaluation';
export * from './indicators';
export * from './plan';
export * from './population';
export * from './random/rng';
export * from './sectoral';
export * from './survey';
export * from './text';
