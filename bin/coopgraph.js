#!/usr/bin/env -S node --max-semi-space-size=64
// The coopgraph executable: runs the TypeScript sources through tsx's loader
// (no build step needed after `npm ci`). Node's default collector, with its
// helper threads (BENCHMARKS.md, change 16), and larger semi-spaces
// (src/cli/serve-flags.ts).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const write = (stream) => (text) => stream.write(text);
process.exitCode = await main(process.argv.slice(2), { stdout: write(process.stdout), stderr: write(process.stderr) });
