/** @mirai/app: use cases over the database, file reading, policies. */
export * from './areas';
export * from './auth';
export * from './backup';
export * from './cocreation';
export * from './context';
export * from './evaluation';
export * from './indicators';
export * from './io';
export * from './jobs';
export * from './mail';
export * from './notifications';
export * from './plan';
export * from './population';
export * from './reports';
export * from './sectoral';
export * from './survey';
export * from './web-data';
