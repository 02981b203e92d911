export * from './catalogue';
export * from './dataset-definition';
export * from './dataset-files';
export * from './harvest-formats';
export * from './registry';
