export * from './actuals-grid';
export * from './import-actuals-job';
export * from './indicator-scope';
export * from './list-indicators';
export * from './record-actuals';
