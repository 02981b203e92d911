export * from './dataset-kinds';
export * from './dataset-use-cases';
export * from './default-data';
export * from './import-dataset';
