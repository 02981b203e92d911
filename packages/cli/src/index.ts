export { buildFullProgram, buildProgram, main } from './main';
