export { boundMunicipality, globally, withMunicipality } from '@mirai/db';
export * from './host-directory';
export * from './municipality-use-cases';
