#!/usr/bin/env node
// `mirai-server`: the web application and API on one port (same options as `mirai serve`).
import { serveFromArgs } from '../start.js';

await serveFromArgs(process.argv.slice(2));
