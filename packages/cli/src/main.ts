/**
 * The `mirai` command line: builds the commander program from the command
 * modules and turns problems into readable output and exit codes.
 */
import { ProblemError } from '@mirai/core';
import { Command, CommanderError } from 'commander';
import { commandModules } from './commands';
import { printProblems } from './output';

export function buildProgram(): Command {
  const program = new Command('mirai')
    .description('Mirai: 総合計画の運用システム / a system for running a comprehensive plan')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commandModules) register(program);
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 problems in the input, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof ProblemError) {
      printProblems(error.problems);
      return 1;
    }
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
}
