/** Read models for the web pages (population, districts, happiness). */
export * from './city-spec';
export * from './district-view';
export * from './goal-tiles';
export * from './happiness-evidence';
export * from './happiness-view';
export * from './open-data';
export * from './population-sources';
export * from './population-view';
export * from './published-evaluations';
export * from './workbench-data';
