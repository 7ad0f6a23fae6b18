#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx duban` works straight after
// `npm install` with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
