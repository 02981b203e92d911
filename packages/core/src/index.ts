/** @mirai/core: the pure domain of Mirai. */
export * from './calendar';
export * from './errors';
export * from './evaluation';
// The plan model holds indicators in the shape defined by ./indicators.
export type { IndicatorDefinition } from './indicators';
export * from './indicators';
export * from './plan';
export * from './population';
export * from './survey';
export * from './text';
