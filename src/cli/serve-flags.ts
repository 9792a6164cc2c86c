// The Node flags `coopgraph serve` runs with: bin/coopgraph.js's shebang and
// `npm start` carry them (V8 reads them only at start), and the benchmark's
// servers and `npm run load` start with them (BENCHMARKS.md, change 28).

/**
 * Semi-spaces of 64 MB instead of 16: a scavenge walks every page of the old
 * generation, about 10 ms with the 1e6 graph resident, so a four times larger
 * young generation pays that walk a quarter as often.
 */
export const SERVE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
