export * from './mail-config';
export * from './mail-delivery';
export * from './mail-queue';
export * from './outbox-use-cases';
