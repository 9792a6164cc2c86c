// Export memory and speed: each format written to a file from a generated
// graph, with the process's RSS before, at its peak while writing (sampled)
// and the bytes written. The exports stream, so the peak should stay near the
// graph's own footprint whatever the output's size.
// Run: npm run bench:export [-- --entities N]   (default 20,000: about 110,000 facts)

import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportGraph } from '../src/export/export-graph.js';
import { generateGraph } from '../src/generate/generate-graph.js';
import { loadGraph } from '../src/load/load-graph.js';
import { KnowledgeGraph } from '../src/store/knowledge-graph.js';

const { values } = parseArgs({ options: { entities: { type: 'string', default: '20000' } } });
const work = mkdtempSync(join(tmpdir(), 'coopgraph-bench-export-'));
generateGraph(join(work, 'graph'), { entities: Number(values.entities), seed: 1 });
const kg = KnowledgeGraph.fromData(loadGraph(join(work, 'graph')));
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

console.log(`${kg.entityCount} entities, ${kg.relationCount} relations\n`);
console.log('| format | MB written | seconds | RSS before (MB) | RSS peak (MB) |\n| --- | ---: | ---: | ---: | ---: |');
for (const format of EXPORT_FORMATS) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  const out = createWriteStream(join(work, `out.${format}`));
  let bytes = 0;
  for (const chunk of exportGraph(kg, format)) {
    bytes += Buffer.byteLength(chunk);
    peak = Math.max(peak, process.memoryUsage.rss());
    // wait when the file stream's buffer is full (coopgraph export writes synchronously, chunk by chunk)
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  clearInterval(sampler);
  console.log(`| ${format} | ${mb(bytes)} | ${((performance.now() - started) / 1000).toFixed(1)} | ${mb(before)} | ${mb(peak)} |`);
}
rmSync(work, { recursive: true, force: true });
