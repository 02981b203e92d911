#!/usr/bin/env node
// The command line as it started before decision 0083, for the "before" column of the bench: the
// sources compiled by tsx at run time, every command module registered before parsing.
import { register } from 'tsx/esm/api';

register();
const { buildFullProgram } = await import('../../packages/cli/src/main.ts');
const program = await buildFullProgram();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error?.code?.startsWith?.('commander.')) process.exitCode = error.exitCode;
  else throw error;
}
