// Ingestion throughput: articles per second on the seed texts, and ms per KB
// as the text grows (it should stay flat: time linear in text size).
// Run: npm run bench:ingest

import { readdirSync, readFileSync } from 'node:fs';
import { proposeFacts } from '../src/extract/propose.js';

const dir = new URL('../graph/sources/', import.meta.url);
const articles = readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8'));

function time(fn: () => void, rounds: number): number {
  fn(); // warm: patterns compile on first use
  const start = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return (performance.now() - start) / rounds;
}

const perArticle = time(() => articles.forEach((text) => proposeFacts({ text })), 20) / articles.length;
console.log(`seed articles: ${(1000 / perArticle).toFixed(1)} articles/s (${perArticle.toFixed(1)} ms each)`);

const body = articles[0]!;
const header = body.slice(0, body.indexOf('MPS - '));
const paragraphs = body.slice(header.length, body.lastIndexOf('\nby '));
console.log('\n| size (KB) | ms | ms per KB |\n| ---: | ---: | ---: |');
for (const copies of [1, 4, 16, 64, 150]) {
  const text = `${header}${Array.from({ length: copies }, () => paragraphs).join('\n\n')}\nby Thien Huong\n`;
  const ms = time(() => proposeFacts({ text }), copies > 16 ? 2 : 5);
  const kb = Buffer.byteLength(text) / 1024;
  console.log(`| ${kb.toFixed(0)} | ${ms.toFixed(1)} | ${(ms / kb).toFixed(2)} |`);
}
