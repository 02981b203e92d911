/** Design-based survey estimation (citizen happiness survey), matching R's `survey` package. */
export * from './answers';
export * from './calibrate';
export * from './calibrate-linear';
export type * from './calibration-step';
export * from './design';
export * from './distribution';
export * from './distributions';
export * from './domain';
export * from './estimate';
export * from './estimate-rows';
export * from './factor';
export * from './linearization';
export * from './plan-table';
export * from './quantile';
export * from './relative-importance';
export * from './replicates';
export * from './survey-problems';
export * from './waves';
