/** The static list of command modules; each registers its commands on the program. */
import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [];
