/**
 * The `mirai` command line: builds the commander program for the command it is given (loading only
 * that command's module) and turns problems into readable output and exit codes.
 */
import { ProblemError } from '@mirai/core';
import { Command, CommanderError } from 'commander';
import { type CommandEntry, commandTable } from './commands';
import { printProblems } from './output';

function newProgram(): Command {
  return new Command('mirai')
    .description('Mirai: 総合計画の運用システム / a system for running a comprehensive plan')
    .showHelpAfterError()
    .exitOverride();
}

/** The table entry a command line names (`mirai calendar …`, `mirai help calendar`), if any. */
export function entryFor(args: string[]): CommandEntry | undefined {
  const operands = args.filter((a) => !a.startsWith('-'));
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  return commandTable.find((e) => e.name === name);
}

/**
 * The program for one command line: the named command fully registered, every other command as a
 * name and description only (enough for `mirai --help` and for "unknown command" answers).
 */
export async function buildProgram(args: string[] = []): Promise<Command> {
  const program = newProgram();
  const wanted = entryFor(args);
  const registered = new Set<string>();
  if (wanted) {
    for (const register of await wanted.load()) register(program);
    for (const c of program.commands) registered.add(c.name());
  }
  for (const e of commandTable) {
    if (registered.has(e.name)) continue;
    program.command(e.usage ? `${e.name} ${e.usage}` : e.name).description(e.description);
    registered.add(e.name);
  }
  return program;
}

/** Every command fully registered (tests that walk the whole command tree). */
export async function buildFullProgram(): Promise<Command> {
  const program = newProgram();
  for (const e of commandTable) {
    if (program.commands.some((c) => c.name() === e.name)) continue;
    for (const register of await e.load()) register(program);
  }
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 problems in the input, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv.slice(2));
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
