export * from './eras';
export * from './fiscal-year';
export * from './japan-time';
export * from './parse-fiscal-year';
export * from './review-calendar';
