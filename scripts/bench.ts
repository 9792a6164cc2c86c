// The benchmark suite (issue 7): each case side by side with the floor
// beneath it, on a generated graph. In process, B3, B5 and B7's executor
// figures timed side by side with their floor (timeSideBySide), B4 and B7's
// server figures with tinybench; over HTTP with autocannon, the server pinned
// to core 0 and this process to core 1 (taskset). Each HTTP ratio is the
// median over --rounds rounds of a ratio between two measurements made one
// after the other; B6's, over --runs pairs of loads.
// Prints one JSON object and writes the Markdown table into BENCHMARKS.md
// between its markers (bench:large: the bench-large markers).
// Run: npm run bench -- [--entities 100000] [--runs 3] [--file-runs 3] [--rounds 5] [--duration 2] [--section bench]

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Bench } from 'tinybench';
import { createExecutor } from '../src/api/executor.js';
import { generateGraph } from '../src/generate/generate-graph.js';
import { createServer } from '../src/server.js';
import { readData } from '../src/write/open-data.js';
import { adjacencyOf } from '../src/store/adjacency.js';
import { collectGarbage } from '../src/cli/collect-garbage.js';
import { SERVE_NODE_FLAGS } from '../src/cli/serve-flags.js';
import { NEIGHBOURHOOD, PATH, walkCases, walkFloors } from './bench/walk-floors.js';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    runs: { type: 'string', default: '3' },
    /** runs of the whole load from files (B6's last row, no target); at most --runs */
    'file-runs': { type: 'string' },
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    markdown: { type: 'string', default: fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url)) },
    /** the table goes between <!-- SECTION:begin --> and <!-- SECTION:end --> (appended when missing) */
    section: { type: 'string', default: 'bench' },
  },
});
const entities = Number(values.entities);
const runs = Number(values.runs);
const fileRuns = Math.min(runs, Number(values['file-runs'] ?? runs));
const rounds = Number(values.rounds);
const duration = Number(values.duration);
const connections = Number(values.connections);

// this process (the load generator and the in-process cases) on core 1, servers on core 0
const pinned = process.env.COOPGRAPH_BENCH_PINNED === '1';
const hasTaskset = spawnSync('taskset', ['-V']).status === 0;
if (!pinned && hasTaskset) {
  const child = spawnSync('taskset', ['-c', '1', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, COOPGRAPH_BENCH_PINNED: '1' },
  });
  process.exit(child.status ?? 1);
}
const onCore = (core: number, command: string[]) => (hasTaskset ? ['taskset', ['-c', String(core), ...command]] : [command[0]!, command.slice(1)]) as [string, string[]];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** A figure from ratios each taken between two measurements made one after the other: their median, to two places. */
const pairedRatio = (ratios: number[]) => Math.round(median(ratios) * 100) / 100;
const benchStarted = Date.now();
/** a line on stderr, with the seconds since the benchmark started */
const log = (line: string) => process.stderr.write(`[${Math.round((Date.now() - benchStarted) / 1000)} s] ${line}\n`);

// --- the graph ------------------------------------------------------------
const dir = fileURLToPath(new URL(`../.bench/graph-${entities}-${values.seed}/`, import.meta.url));
if (!existsSync(dir)) {
  log(`generating ${entities} entities into ${dir}`);
  generateGraph(dir, { entities, seed: Number(values.seed) });
}

// --- B6: load time and memory, each in a fresh process ---------------------
function loadChild(mode: 'store' | 'bare' | 'files') {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./bench/load-child.ts', import.meta.url)), dir, mode], {
    encoding: 'utf8',
    maxBuffer: 1e6,
  });
  return JSON.parse(out) as { ms: number; heap: number; rss: number; entities: number; relations: number };
}
log('B6: load');
const loads = { store: [] as ReturnType<typeof loadChild>[], bare: [] as ReturnType<typeof loadChild>[], files: [] as ReturnType<typeof loadChild>[] };
for (let r = 0; r < runs; r++) {
  for (const mode of r % 2 ? (['bare', 'store'] as const) : (['store', 'bare'] as const)) loads[mode].push(loadChild(mode));
  if (r < fileRuns) loads.files.push(loadChild('files'));
}
const m = (mode: keyof typeof loads, key: 'ms' | 'heap' | 'rss') => median(loads[mode].map((x) => x[key]));
/** B6's ratios, like the HTTP ones: each between a run's two loads, made one after the other (their order swapped each run) */
const b6Ratio = (key: 'ms' | 'heap') => pairedRatio(loads.store.map((x, r) => x[key] / loads.bare[r]![key]));
const counts = loads.store[0]!;

// --- HTTP: B1, B2, B3 over loopback ----------------------------------------
interface HttpFigure {
  rps: number;
  p50: number;
  p99: number;
  /** connection errors, timeouts (no answer within autocannon's 10 s) among them */
  failed: number;
}
/** Each bench server's process, by its URL: `settle` watches its CPU time. */
const serverPids = new Map<string, number>();
async function withServer<T>(mode: 'coopgraph' | 'empty' | 'bare' | 'bare-unlimited', fn: (url: string) => Promise<T>): Promise<T> {
  const [command, args] = onCore(0, [process.execPath, ...SERVE_NODE_FLAGS, '--import', 'tsx', fileURLToPath(new URL('./bench/server.ts', import.meta.url)), mode, dir]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening (\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`bench server ${mode} exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    serverPids.set(url, child.pid!);
    return await fn(url);
  } finally {
    child.kill('SIGTERM');
  }
}
/** `variables` may be a list: each request takes the next (so answers do not come from the response cache) */
async function hammer(url: string, query: string, variables: Record<string, unknown> | Record<string, unknown>[] = {}, seconds = duration): Promise<HttpFigure> {
  const bodies = (Array.isArray(variables) ? variables : [variables]).map((v) => JSON.stringify({ query, variables: v }));
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
  if (result.non2xx) throw new Error(`${result.non2xx} answers were not 2xx for ${query}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.errors };
}

/** CPU time a process has used, in clock ticks (user + system), or null where /proc does not tell. */
function readCpuTicks(pid: number): number | null {
  try {
    // the fields after the command's closing parenthesis: utime and stime are the 12th and 13th
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
/**
 * Waits until the server has stopped working (its CPU time unchanged over 100 ms),
 * at most `most` ms. When autocannon's time is up, the requests it left in flight
 * are still computed: at 1e6 sixteen "who signed" answers for hub agencies take
 * the server tens of seconds, and measured on, the next case found it busy and
 * came out 0 req/s (BENCHMARKS.md, change 29).
 */
async function settle(url: string, most = 120_000): Promise<void> {
  const pid = serverPids.get(url);
  let before = pid === undefined ? null : readCpuTicks(pid);
  if (before === null) return;
  const started = Date.now();
  while (Date.now() - started < most) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = readCpuTicks(pid!);
    if (now === before) return;
    before = now;
  }
  log(`the server at ${url} was still busy after ${most / 1000} s`);
}

/** Ids of entities of a kind, asked of a running server page by page (this process holds no graph while it loads one). */
async function idsOf(url: string, kind: string, most: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < most) {
    const response: Response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ($k: [EntityKind!], $a: String) { entities(kinds: $k, first: 100, after: $a) { nodes { id } pageInfo { endCursor hasNextPage } } }', variables: { k: [kind], a: after } }),
    });
    type Page = { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
    const page: Page = ((await response.json()) as { data: { entities: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } } }).data.entities;
    ids.push(...page.nodes.map((n: { id: string }) => n.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return ids;
}
const TYPENAME = '{ __typename }';
const NODE = 'query ($id: ID!) { node(id: $id) { id kind name aliases attributes } }';
const SIGNED = 'query ($id: ID!) { node(id: $id) { ... on PoliceAgency { agreements { id name signatories { person { name } } } } } }';

log('B1, B2, B3: HTTP');
// The four servers run side by side (all on core 0, idle but for the one under load), and each
// round measures every case in turn, the floors in a rotating order: a machine that slows down
// for a while slows a case and its floor alike, instead of whichever ran in that while.
const http = await withServer('coopgraph', (coopgraph) =>
  withServer('empty', (empty) =>
    withServer('bare', (bare) =>
      withServer('bare-unlimited', async (bareUnlimited) => {
        const agencyIds = await idsOf(coopgraph, 'POLICE_AGENCY', 2_000);
        const personIds = await idsOf(coopgraph, 'PERSON', 2_000);
        const one = { id: agencyIds[Math.floor(agencyIds.length / 2)]! };
        type Variables = Record<string, unknown> | Record<string, unknown>[];
        const cases: Record<string, { url: string; query: string; variables?: Variables }> = {
          typename: { url: coopgraph, query: TYPENAME },
          emptyTypename: { url: empty, query: TYPENAME },
          bareTypename: { url: bare, query: TYPENAME },
          bareUnlimitedTypename: { url: bareUnlimited, query: TYPENAME },
          node: { url: coopgraph, query: NODE, variables: one },
          signed: { url: coopgraph, query: SIGNED, variables: one },
          // a different id each request: every answer computed, none from the response cache
          nodeUncached: { url: coopgraph, query: NODE, variables: personIds.map((id) => ({ id })) },
          signedUncached: { url: coopgraph, query: SIGNED, variables: agencyIds.map((id) => ({ id })) },
        };
        type Case = keyof typeof cases;
        // each measurement starts on an idle server: whatever the one before left in flight is done
        const measure = async (name: Case, seconds?: number) => {
          const figure = await hammer(cases[name]!.url, cases[name]!.query, cases[name]!.variables, seconds);
          await settle(cases[name]!.url);
          return figure;
        };
        const names = Object.keys(cases) as Case[];
        // Each ratio is taken between two measurements made one after the other (the order swapped
        // each round), and the figure is the median of a round's ratios: the machine's speed drifts by
        // a third within minutes, and a ratio of medians taken minutes apart measured the drift.
        // The cases whose every answer is computed come in rounds of their own, after the others, each
        // group warmed up (compiled, caches filled) just before its rounds: at 1e6 an agency's answer
        // can take seconds and megabytes, and a major collection its garbage brings on (marking the
        // whole graph) falls in what is measured next: in run 18, B1's first round, right after such a
        // case, came out 0.17 against 0.65 to 0.77 in the others (BENCHMARKS.md, change 27).
        const groups = [
          { B1: ['typename', 'emptyTypename'], B2: ['typename', 'bareTypename'], B2unlimited: ['typename', 'bareUnlimitedTypename'], node: ['node', 'bareTypename'], signed: ['signed', 'bareTypename'] },
          { nodeUncached: ['nodeUncached', 'bareTypename'], signedUncached: ['signedUncached', 'bareTypename'] },
        ] satisfies Record<string, [Case, Case]>[];
        const pairs = Object.assign({}, ...groups) as (typeof groups)[0] & (typeof groups)[1];
        const figures = Object.fromEntries(names.map((name) => [name, [] as HttpFigure[]])) as Record<Case, HttpFigure[]>;
        const ratios = Object.fromEntries(Object.keys(pairs).map((name) => [name, [] as number[]])) as Record<keyof typeof pairs, number[]>;
        for (const group of groups) {
          for (const name of new Set(Object.values(group).flat())) await measure(name, 1);
          for (let r = 0; r < rounds; r++) {
            for (const [name, [ours, floor]] of Object.entries(group) as [keyof typeof pairs, [Case, Case]][]) {
              const [first, second] = r % 2 ? [floor, ours] : [ours, floor];
              const measured = { [first]: await measure(first), [second]: await measure(second) } as Record<Case, HttpFigure>;
              figures[ours]!.push(measured[ours]!);
              figures[floor]!.push(measured[floor]!);
              ratios[name].push(measured[ours]!.rps / measured[floor]!.rps);
            }
          }
        }
        const med = (name: Case): HttpFigure => ({
          rps: median(figures[name]!.map((f) => f.rps)),
          p50: median(figures[name]!.map((f) => f.p50)),
          p99: median(figures[name]!.map((f) => f.p99)),
          failed: figures[name]!.reduce((n, f) => n + f.failed, 0),
        });
        return {
          coopgraph: { typename: med('typename'), node: med('node'), signed: med('signed'), nodeUncached: med('nodeUncached'), signedUncached: med('signedUncached') },
          empty: { typename: med('emptyTypename') },
          bare: { typename: med('bareTypename') },
          bareUnlimited: { typename: med('bareUnlimitedTypename') },
          ratio: Object.fromEntries(Object.entries(ratios).map(([name, xs]) => [name, pairedRatio(xs)])) as Record<keyof typeof pairs, number>,
          /** each round's ratio, in the order measured */
          rounds: Object.fromEntries(Object.entries(ratios).map(([name, xs]) => [name, xs.map((x) => Math.round(x * 100) / 100)])) as Record<keyof typeof pairs, number[]>,
        };
      }),
    ),
  ),
);

// --- in process: B3, B4, B5, B7 ---------------------------------------------
const { kg } = readData(dir);
const agencies = kg.entities(['PoliceAgency']);
const typical = agencies[Math.floor(agencies.length / 2)]!;
// in process: the executor (`coopgraph query`'s); the server's whole pipeline (server.fetch) for B7
const executor = createExecutor(kg, { log: () => {} });
const interpreted = createExecutor(kg, { log: () => {}, compiledReads: false });
const run = (target: typeof executor, query: string, variables: Record<string, unknown>) => JSON.stringify(target.execute({ query, variables }));
const server = createServer(kg, { log: () => {} });
const noResponseCache = createServer(kg, { log: () => {}, responseCache: false });
const noCaches = createServer(kg, { log: () => {}, responseCache: false, parseCache: false });
const notCompiled = createServer(kg, { log: () => {}, responseCache: false, compiledReads: false });
const ask = async (target: typeof server, query: string, variables: Record<string, unknown>) =>
  (await target.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).text();

const signedDirect = (id: string) =>
  JSON.stringify(
    kg.related(id, 'PARTY_TO', 'OUT').map((a) => ({
      id: a.id,
      name: a.name,
      signatories: kg.relationsOf(a.id, 'IN', ['SIGNED']).map((r) => ({ person: { name: kg.graph.getNodeAttributes(r.from).name } })),
    })),
  );

const { starts, pairs } = walkCases(kg);
const floors = walkFloors(kg);
// as `coopgraph serve` does before it listens: the walks' adjacency built, and
// what loading and the floors' copy left behind collected before the first
// measurement (in one 1e6 run without this, the first cases, floors too, came
// out up to 13 times slower than the run before: BENCHMARKS.md, change 25)
adjacencyOf(kg);
collectGarbage();
let cursor = 0;
const nextStart = () => starts[cursor++ % starts.length]!;

log('B3, B4, B5, B7: in process');
const bench = new Bench({ time: 1500, warmupTime: 300 });
bench
  .add('B4 depth 2: direct', () => floors.neighbourhood(nextStart(), 2, 500))
  .add('B4 depth 2: API', () => run(executor, NEIGHBOURHOOD, { id: nextStart(), depth: 2 }))
  .add('B4 depth 3: direct', () => floors.neighbourhood(nextStart(), 3, 500))
  .add('B4 depth 3: API', () => run(executor, NEIGHBOURHOOD, { id: nextStart(), depth: 3 }))
  .add('B7 node: server, all caches', () => ask(server, NODE, { id: typical.id }))
  .add('B7 node: server, no response cache', () => ask(noResponseCache, NODE, { id: typical.id }))
  .add('B7 node: server, no response or parse cache', () => ask(noCaches, NODE, { id: typical.id }))
  .add('B7 node: server, not compiled, no response cache', () => ask(notCompiled, NODE, { id: typical.id }))
  .add('B7 signed: server, no response cache', () => ask(noResponseCache, SIGNED, { id: typical.id }))
  .add('B7 signed: server, not compiled, no response cache', () => ask(notCompiled, SIGNED, { id: typical.id }));
await bench.run();

/**
 * Pairs of ways of answering the same, timed side by side: each round takes
 * every pair in turn and times a batch of calls of one way, then of the
 * other (the order swapped each round), each call alone; a round's figure is
 * its calls' median, and a pair's ratio the median of its rounds' ratios. A
 * batch is `batch` calls, or as many as the slower way makes in about 20 ms
 * (at most 10,000), sized by a warm-up of a thousand calls. Timed one after
 * the other instead, the two sides of a 2-µs lookup measured the process's
 * drift: at 1e6, tinybench put `node`'s direct call at 1.07 µs in its first
 * second and 1.75 µs a few seconds later, so the ratio came out 1.57, 0.99
 * and 1.03 in three runs of the same code, where this came out 1.04 each time
 * (BENCHMARKS.md, change 29).
 */
function timeSideBySide(pairsOfWays: [ours: () => unknown, floor: () => unknown][], rounds: number, batch?: number) {
  const timed = (fn: () => unknown, calls: number) => {
    const samples = new Float64Array(calls);
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      fn();
      samples[i] = performance.now() - started;
    }
    return median([...samples]) * 1000;
  };
  const warmUp = batch ?? 1000;
  const calls = pairsOfWays.map(([ours, floor]) => batch ?? Math.max(1, Math.min(10_000, Math.round(20_000 / Math.max(timed(ours, warmUp), timed(floor, warmUp))))));
  const oursUs = pairsOfWays.map(() => [] as number[]);
  const floorUs = pairsOfWays.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    pairsOfWays.forEach(([ours, floor], i) => {
      const timeOurs = () => oursUs[i]!.push(timed(ours, calls[i]!));
      const timeFloor = () => floorUs[i]!.push(timed(floor, calls[i]!));
      if (round % 2) {
        timeFloor();
        timeOurs();
      } else {
        timeOurs();
        timeFloor();
      }
    });
  }
  return pairsOfWays.map((_, i) => ({ oursUs: median(oursUs[i]!), floorUs: median(floorUs[i]!), ratio: pairedRatio(oursUs[i]!.map((x, r) => x / floorUs[i]![r]!)) }));
}
const nodeVariables = { id: typical.id };
const [b3Node, b3Signed, b7Node, b7Signed] = timeSideBySide(
  [
    [() => run(executor, NODE, nodeVariables), () => JSON.stringify(kg.findEntity(typical.id))],
    [() => run(executor, SIGNED, nodeVariables), () => signedDirect(typical.id)],
    // B7: compiled reads against the same executor without them
    [() => run(executor, NODE, nodeVariables), () => run(interpreted, NODE, nodeVariables)],
    [() => run(executor, SIGNED, nodeVariables), () => run(interpreted, SIGNED, nodeVariables)],
  ],
  30,
);
const b3 = { node: b3Node!, signed: b3Signed! };
const b7 = { node: b7Node!, signed: b7Signed! };

/**
 * B5, pair by pair: searches between different pairs differ a hundredfold in
 * cost, so a median over a mix of them says which pair sits in the middle, not
 * what the API adds. Each round searches every pair directly and through the
 * API, one call each (the order swapped each round); the figure is the sum
 * over pairs of each pair's median.
 */
const searches = pairs.map(([from, to]) => [() => run(executor, PATH, { from, to }), () => floors.shortestPath(from, to)] as [() => unknown, () => unknown]);
timeSideBySide(searches, 20, 1); // warm up
const searched = timeSideBySide(searches, 200, 1);
const b5 = { apiUs: searched.reduce((sum, p) => sum + p.oursUs, 0), directUs: searched.reduce((sum, p) => sum + p.floorUs, 0), pairs: pairs.length };
const latency = (name: string) => {
  const result = bench.getTask(name)!.result;
  if (result.state !== 'completed') throw new Error(`${name}: ${result.state}`);
  // the median, not the mean: one collection pause in a run of thousands says little of a lookup's cost
  return { p50: result.latency.p50! * 1000, p99: result.latency.p99 * 1000 };
};
const inProcess = Object.fromEntries(bench.tasks.map((t) => [t.name, latency(t.name)]));

// --- ingestion ---------------------------------------------------------------
log('ingestion');
const ingest = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bench-ingest.ts', import.meta.url))], { encoding: 'utf8' });
const articlesPerSecond = Number(/([\d.]+) articles\/s/.exec(ingest)?.[1]);
const msPerKb = median([...ingest.matchAll(/\| \d+ \| [\d.]+ \| ([\d.]+) \|/g)].map((row) => Number(row[1])));

// --- the table ---------------------------------------------------------------
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const us = (x: number) => Math.round(x * 10) / 10;
const figures = {
  graph: { entities: counts.entities, relations: counts.relations },
  /** each HTTP ratio's rounds, in the order measured */
  httpRounds: http.rounds,
  B1: { withGraph: http.coopgraph.typename, emptyGraph: http.empty.typename, ratio: http.ratio.B1, target: '>= 0.8' },
  B2: {
    ours: http.coopgraph.typename,
    bareYoga: http.bare.typename,
    ratio: http.ratio.B2,
    target: '>= 0.9',
    bareYogaWithoutBodyLimit: http.bareUnlimited.typename,
    ratioToBareWithoutBodyLimit: http.ratio.B2unlimited,
  },
  B3: {
    nodeInProcess: { apiUs: us(b3.node.oursUs), directUs: us(b3.node.floorUs), ratio: b3.node.ratio, target: '<= 1.5' },
    signedInProcess: { apiUs: us(b3.signed.oursUs), directUs: us(b3.signed.floorUs), ratio: b3.signed.ratio, target: '<= 1.5' },
    nodeHttp: { ...http.coopgraph.node, ratioToB2: http.ratio.node, target: '>= 0.8' },
    signedHttp: { ...http.coopgraph.signed, ratioToB2: http.ratio.signed, target: '>= 0.8' },
    nodeHttpUncached: { ...http.coopgraph.nodeUncached, ratioToB2: http.ratio.nodeUncached },
    signedHttpUncached: { ...http.coopgraph.signedUncached, ratioToB2: http.ratio.signedUncached },
  },
  B4: Object.fromEntries(
    [2, 3].map((d) => {
      const api = inProcess[`B4 depth ${d}: API`]!;
      const direct = inProcess[`B4 depth ${d}: direct`]!;
      return [`depth${d}`, { apiP50Us: us(api.p50), apiP99Us: us(api.p99), directP50Us: us(direct.p50), ratio: ratio(api.p50, direct.p50), p99OverP50: ratio(api.p99, api.p50), target: '<= 1.5, p99 <= 10 x p50' }];
    }),
  ),
  B5: { apiUs: us(b5.apiUs), directUs: us(b5.directUs), pairs: b5.pairs, ratio: ratio(b5.apiUs, b5.directUs), target: '<= 1.1' },
  B6: {
    storeMs: Math.round(m('store', 'ms')),
    bareMs: Math.round(m('bare', 'ms')),
    timeRatio: b6Ratio('ms'),
    storeHeapMB: Math.round(m('store', 'heap') / 1e6),
    bareHeapMB: Math.round(m('bare', 'heap') / 1e6),
    memoryRatio: b6Ratio('heap'),
    bytesPerEntityAndRelation: Math.round(m('store', 'heap') / (counts.entities + counts.relations)),
    filesToServedMs: Math.round(m('files', 'ms')),
    filesToServedHeapMB: Math.round(m('files', 'heap') / 1e6),
    filesToServedRssMB: Math.round(m('files', 'rss') / 1e6),
    target: 'time <= 1.2, memory <= 1.1',
  },
  B7: {
    executorNodeUs: us(b7.node.oursUs),
    executorNodeNotCompiledUs: us(b7.node.floorUs),
    executorSignedUs: us(b7.signed.oursUs),
    executorSignedNotCompiledUs: us(b7.signed.floorUs),
    serverAllCachesUs: us(inProcess['B7 node: server, all caches']!.p50),
    serverNoResponseCacheUs: us(inProcess['B7 node: server, no response cache']!.p50),
    serverNoCachesUs: us(inProcess['B7 node: server, no response or parse cache']!.p50),
    serverNotCompiledUs: us(inProcess['B7 node: server, not compiled, no response cache']!.p50),
    serverSignedUs: us(inProcess['B7 signed: server, no response cache']!.p50),
    serverSignedNotCompiledUs: us(inProcess['B7 signed: server, not compiled, no response cache']!.p50),
  },
  ingestion: { articlesPerSecond, msPerKb },
};
console.log(JSON.stringify(figures, null, 2));

const pass = (ok: boolean) => (ok ? 'met' : '**not met**');
/** req/s and p99 of an HTTP case, and the requests of all its rounds that failed or timed out */
const served = (f: HttpFigure) => `${f.rps.toFixed(0)} req/s, p99 ${f.p99} ms${f.failed ? `, ${f.failed} requests failed or timed out` : ''}`;
const rows = [
  ['B1 resident-graph tax', `${served(http.coopgraph.typename)} vs ${served(http.empty.typename)}`, String(figures.B1.ratio), '≥ 0.8', pass(figures.B1.ratio >= 0.8)],
  ['B2 HTTP floor', `${http.coopgraph.typename.rps.toFixed(0)} vs ${http.bare.typename.rps.toFixed(0)} req/s (bare yoga)`, String(figures.B2.ratio), '≥ 0.9', pass(figures.B2.ratio >= 0.9)],
  ['B2 against a bare yoga without its body limit', `${http.coopgraph.typename.rps.toFixed(0)} vs ${http.bareUnlimited.typename.rps.toFixed(0)} req/s`, String(figures.B2.ratioToBareWithoutBodyLimit), '', ''],
  ['B3 node, in process', `${figures.B3.nodeInProcess.apiUs} vs ${figures.B3.nodeInProcess.directUs} µs`, String(figures.B3.nodeInProcess.ratio), '≤ 1.5', pass(figures.B3.nodeInProcess.ratio <= 1.5)],
  ['B3 who signed (one party), in process', `${figures.B3.signedInProcess.apiUs} vs ${figures.B3.signedInProcess.directUs} µs`, String(figures.B3.signedInProcess.ratio), '≤ 1.5', pass(figures.B3.signedInProcess.ratio <= 1.5)],
  ['B3 node, HTTP', `${http.coopgraph.node.rps.toFixed(0)} req/s vs B2's bare ${http.bare.typename.rps.toFixed(0)}`, String(figures.B3.nodeHttp.ratioToB2), '≥ 0.8', pass(figures.B3.nodeHttp.ratioToB2 >= 0.8)],
  ['B3 who signed, HTTP', `${http.coopgraph.signed.rps.toFixed(0)} req/s vs ${http.bare.typename.rps.toFixed(0)}`, String(figures.B3.signedHttp.ratioToB2), '≥ 0.8', pass(figures.B3.signedHttp.ratioToB2 >= 0.8)],
  ['B3 node, HTTP, another id each time', served(http.coopgraph.nodeUncached), String(figures.B3.nodeHttpUncached.ratioToB2), '', ''],
  ['B3 who signed, HTTP, another agency each time', served(http.coopgraph.signedUncached), String(figures.B3.signedHttpUncached.ratioToB2), '', ''],
  ...[2, 3].map((d) => {
    const f = figures.B4[`depth${d}`] as { apiP50Us: number; apiP99Us: number; directP50Us: number; ratio: number; p99OverP50: number };
    return [`B4 neighbourhood depth ${d} (≤ 500)`, `p50 ${f.apiP50Us} vs ${f.directP50Us} µs; p99 ${f.apiP99Us} µs`, `${f.ratio}; p99/p50 ${f.p99OverP50}`, '≤ 1.5; ≤ 10', pass(f.ratio <= 1.5 && f.p99OverP50 <= 10)];
  }),
  ['B5 shortestPath, far pairs', `${figures.B5.apiUs} vs ${figures.B5.directUs} µs for ${figures.B5.pairs} pairs (sum of each pair's median)`, String(figures.B5.ratio), '≤ 1.1', pass(figures.B5.ratio <= 1.1)],
  ['B6 build the store', `${figures.B6.storeMs} vs ${figures.B6.bareMs} ms; ${figures.B6.storeHeapMB} vs ${figures.B6.bareHeapMB} MB heap`, `${figures.B6.timeRatio}; ${figures.B6.memoryRatio}`, '≤ 1.2; ≤ 1.1', pass(figures.B6.timeRatio <= 1.2 && figures.B6.memoryRatio <= 1.1)],
  ['B6 files to served graph', `${figures.B6.filesToServedMs} ms, heap ${figures.B6.filesToServedHeapMB} MB, RSS ${figures.B6.filesToServedRssMB} MB`, '', '', ''],
  ['B7 executor: compiled reads', `node ${figures.B7.executorNodeUs} vs ${figures.B7.executorNodeNotCompiledUs} µs not compiled; who signed ${figures.B7.executorSignedUs} vs ${figures.B7.executorSignedNotCompiledUs} µs`, '', '', ''],
  ['B7 server (server.fetch), node: caches', `all ${figures.B7.serverAllCachesUs} µs; no response cache ${figures.B7.serverNoResponseCacheUs} µs; neither ${figures.B7.serverNoCachesUs} µs`, '', '', ''],
  ['B7 server (server.fetch), no response cache: compiled reads', `node ${figures.B7.serverNoResponseCacheUs} vs ${figures.B7.serverNotCompiledUs} µs not compiled; who signed ${figures.B7.serverSignedUs} vs ${figures.B7.serverSignedNotCompiledUs} µs`, '', '', ''],
  ['ingestion', `${articlesPerSecond} articles/s; ${msPerKb} ms per KB`, '', '', ''],
];
const table = [
  `All servers run with \`${SERVE_NODE_FLAGS.join(' ')}\`, as \`coopgraph serve\` does. Graph: ${counts.entities.toLocaleString('en')} entities, ${counts.relations.toLocaleString('en')} relations (\`coopgraph generate --entities ${entities} --seed ${values.seed}\`); B6 the median of ${runs} runs, each ratio between a run's two loads (files to served graph: ${fileRuns} run${fileRuns === 1 ? '' : 's'}); each HTTP ratio the median of ${rounds} rounds, each ratio between two ${duration}-s measurements made one after the other (their order swapped each round), the four servers side by side, ${connections} connections${hasTaskset ? ', servers on core 0, load generator on core 1' : ''}; Node ${process.versions.node}.`,
  '',
  '| case | ours vs floor | ratio | target | |',
  '| --- | --- | ---: | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const markdownPath = values.markdown!;
const begin = `<!-- ${values.section}:begin -->`;
const end = `<!-- ${values.section}:end -->`;
const existing = existsSync(markdownPath) ? readFileSync(markdownPath, 'utf8') : `# Benchmarks\n\n${begin}\n${end}\n`;
const [head, rest] = existing.includes(begin) ? existing.split(begin) : [`${existing}\n`, `\n${end}\n`];
writeFileSync(markdownPath, `${head}${begin}\n${table}\n${end}${rest!.split(end)[1] ?? '\n'}`);
log(`table written to ${markdownPath}`);
