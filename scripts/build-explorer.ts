// Bundles the explorer page (src/explorer) into dist/explorer: one ES module
// with everything it uses (sigma, graphology, the layout worker), the page and
// its style sheet. No CDN: the page works offline.
//
//   npm run build:explorer   (npm ci and npm start run it)

import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../src/explorer/', import.meta.url));
export const EXPLORER_DIST = fileURLToPath(new URL('../dist/explorer/', import.meta.url));

export async function buildExplorer(outDir = EXPLORER_DIST): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [`${SOURCE}main.ts`],
    outfile: `${outDir}/explorer.js`,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: process.env.EXPLORER_MINIFY !== "0",
    sourcemap: true,
    loader: { '.graphql': 'text' },
    logLevel: 'warning',
  });
  await copyFile(`${SOURCE}index.html`, `${outDir}/index.html`);
  await copyFile(`${SOURCE}explorer.css`, `${outDir}/explorer.css`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildExplorer();
  console.log(`explorer built into ${EXPLORER_DIST} in ${Math.round(performance.now() - started)} ms`);
}
