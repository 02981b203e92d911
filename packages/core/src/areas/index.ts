export * from './area-layers';
export * from './area-roll-up';
export * from './tile-map';
