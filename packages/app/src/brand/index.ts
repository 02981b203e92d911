export * from './brand-view';
