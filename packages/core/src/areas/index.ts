export * from './area-layers';
export * from './area-roll-up';
export * from './boundaries';
export * from './boundary-problems';
export * from './measure-filter';
export * from './tile-map';
