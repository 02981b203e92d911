export * from './csv-writer';
export * from './decode-text';
export * from './io-problems';
export * from './read-columns';
export * from './read-table-file';
export * from './upload-limits';
export * from './xlsx-worker';
export * from './zip-guard';
