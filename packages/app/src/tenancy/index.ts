export { boundMunicipality, globally, registryGeneration, withMunicipality, withNobody } from '@mirai/db';
export * from './host-directory';
export * from './municipality-use-cases';
export * from './public-address';
