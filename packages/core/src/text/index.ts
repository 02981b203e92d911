export * from './normalize';
export * from './text-safety';
