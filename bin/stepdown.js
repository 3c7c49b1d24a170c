#!/usr/bin/env node
// The Stepdown host in a real terminal. Runs the TypeScript sources directly
// (Node >= 22.18 strips types), so `npx stepdown` works right after `npm ci`.
import { main } from './stepdown-cli.ts';

process.exitCode = await main(process.argv.slice(2));
