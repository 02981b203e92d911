#!/usr/bin/env node
// The `mirai` command. Runs the built JavaScript (packages/cli/dist, made by `npm install`) when it
// is up to date with every source it was built from; otherwise builds it again first, and if that
// cannot be done, runs the sources through tsx. It never runs a stale build (decision 0083).
// MIRAI_CLI_FROM_SOURCE=1 runs the sources through tsx (the slow path, for comparison).
import { builtCli } from '../build/fresh.js';

async function load() {
  if (process.env.MIRAI_CLI_FROM_SOURCE !== '1') {
    const built = builtCli();
    if (built.entry) {
      // Names the code that runs: a read snapshot made by other code is not used (decision 0130).
      process.env.MIRAI_CLI_BUILD = built.dir;
      return import(built.entry);
    }
    try {
      const { buildCli } = await import('../build/build.js');
      return await import(await buildCli());
    } catch (error) {
      console.error(`mirai: could not build the command line (${error.message}); running the sources`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/main.ts');
}

const { main } = await load();
process.exitCode = await main(process.argv);
