export * from './area-layers';
export * from './area-roll-up';
export * from './measure-filter';
export * from './tile-map';
