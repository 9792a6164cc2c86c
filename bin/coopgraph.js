#!/usr/bin/env -S node --single-threaded-gc
// The coopgraph executable: runs the TypeScript sources through tsx's loader
// (no build step needed after `npm ci`). --single-threaded-gc: the collector's
// helper threads cost a serving process with a large graph a third of its
// throughput on a 2-core machine (BENCHMARKS.md, B1).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const write = (stream) => (text) => stream.write(text);
process.exitCode = await main(process.argv.slice(2), { stdout: write(process.stdout), stderr: write(process.stderr) });
