export * from './eras';
export * from './fiscal-year';
export * from './parse-fiscal-year';
export * from './review-calendar';
