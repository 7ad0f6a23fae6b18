#!/usr/bin/env node
// The `duban` command. `npm install` compiles pipeline/ to dist/ (scripts/build-dist.mjs, run
// as the `prepare` script), and the command runs that JavaScript: it starts in about 0.1 s.
// When dist/ is missing, or the sources changed since it was built (an edit, a pull), it runs
// the TypeScript itself through tsx instead (about 1 s more to start), so a stale build never
// runs. DUBAN_RUNTIME=tsx always takes the TypeScript, DUBAN_RUNTIME=dist always the build.
import { distIsFresh } from '../scripts/dist-stamp.mjs';

const runtime = process.env.DUBAN_RUNTIME;
let main;
if (runtime === 'dist' || (runtime !== 'tsx' && distIsFresh())) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../pipeline/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
