/** The command table (what `mirai --help` lists without loading modules) says what the modules register. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { entryFor } from '../main';
import { commandTable } from '.';

describe('the command table', () => {
  it('names and describes each top-level command as its module registers it', async () => {
    for (const entry of commandTable) {
      const program = new Command('mirai');
      for (const register of await entry.load()) register(program);
      const command = program.commands.find((c) => c.name() === entry.name);
      expect(command, entry.name).toBeDefined();
      expect(command?.description(), entry.name).toBe(entry.description);
      expect(
        command?.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ') ||
          undefined,
        entry.name,
      ).toBe(entry.usage);
    }
  });

  it('lists every top-level command some module registers', async () => {
    const program = new Command('mirai');
    const loaded = new Set<string>();
    for (const entry of commandTable) {
      if (program.commands.some((c) => c.name() === entry.name)) continue;
      for (const register of await entry.load()) register(program);
      for (const c of program.commands) loaded.add(c.name());
    }
    expect([...loaded].sort()).toEqual(commandTable.map((e) => e.name).sort());
  });

  it('finds the command a command line names, after options and through `help`', () => {
    expect(entryFor(['calendar', '--format', 'json'])?.name).toBe('calendar');
    expect(entryFor(['help', 'survey'])?.name).toBe('survey');
    expect(entryFor(['--help'])).toBeUndefined();
    expect(entryFor(['nonsense'])).toBeUndefined();
  });
});
