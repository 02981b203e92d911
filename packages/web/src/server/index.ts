export * from './render-document';
