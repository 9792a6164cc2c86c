// The explorer, freshly bundled into a temporary folder, served with a graph
// on a loopback port.

import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildExplorer } from '../../scripts/build-explorer.js';
import { createServer } from '../../src/server.js';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { tempDir } from '../temp-dir.js';

export interface ServedExplorer {
  /** the page's address */
  url: string;
  close(): Promise<void>;
}

export async function serveExplorer(kg: KnowledgeGraph): Promise<ServedExplorer> {
  const explorerDir = tempDir('explorer');
  await buildExplorer(explorerDir);
  const http = createHttpServer(createServer(kg, { explorerDir, log: () => {} }));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/explore`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
