export * from './render-home';
