export * from './define';
export * from './problem';
