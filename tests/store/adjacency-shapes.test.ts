// Graphology's adjacency objects with a hidden class of their own: the graph
// answers as a plain one does, and V8 no longer shares their shapes with `{}`.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { separateAdjacencyShapes } from '../../src/store/adjacency-shapes.js';
import { KnowledgeGraph } from '../../src/store/knowledge-graph.js';

type NodeData = { in: object; out: object };
const nodeData = (graph: MultiDirectedGraph, node: string) => (graph as unknown as { _nodes: Map<string, NodeData> })._nodes.get(node)!;

/** The same random multigraph, built twice: with and without separate shapes. */
function twoGraphs(nodes = 60, edges = 240) {
  const plain = new MultiDirectedGraph({ allowSelfLoops: false });
  const separate = new MultiDirectedGraph({ allowSelfLoops: false });
  expect(separateAdjacencyShapes(separate)).toBe(true);
  let seed = 11;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  for (const graph of [plain, separate]) for (let i = 0; i < nodes; i++) graph.addNode(`n${i}`);
  for (let i = 0; i < edges; i++) {
    const [a, b] = [next(nodes), next(nodes)];
    if (a === b) continue;
    for (const graph of [plain, separate]) graph.addDirectedEdgeWithKey(`r${i}`, `n${a}`, `n${b}`, { type: i % 3 ? 'SIGNED' : 'PARTY_TO' });
  }
  return { plain, separate };
}

/** Everything graphology answers from the adjacency objects, for every node. */
function adjacencyOfEachNode(graph: MultiDirectedGraph) {
  return graph.nodes().map((node) => ({
    node,
    out: graph.outNeighbors(node),
    in: graph.inNeighbors(node),
    both: graph.neighbors(node),
    edges: graph.edges(node),
    outEdges: graph.outEdges(node),
    degree: [graph.inDegree(node), graph.outDegree(node)],
    towards: graph.nodes().filter((other) => graph.hasDirectedEdge(node, other)),
    hasToString: graph.hasDirectedEdge(node, 'toString'),
  }));
}

describe('separateAdjacencyShapes', () => {
  it('keeps every answer graphology gives from the adjacency, through drops and a clear', () => {
    const { plain, separate } = twoGraphs();
    expect(adjacencyOfEachNode(separate)).toEqual(adjacencyOfEachNode(plain));
    for (const graph of [plain, separate]) {
      graph.dropNode('n3');
      for (const edge of graph.edges().filter((_, i) => i % 4 === 0)) graph.dropEdge(edge);
    }
    expect(adjacencyOfEachNode(separate)).toEqual(adjacencyOfEachNode(plain));
    for (const graph of [plain, separate]) {
      graph.clearEdges();
      graph.addDirectedEdgeWithKey('again', 'n1', 'n2');
    }
    expect(adjacencyOfEachNode(separate)).toEqual(adjacencyOfEachNode(plain));
  });

  it('makes each adjacency object from a prototype of its own, also after edges are cleared', () => {
    const { plain, separate } = twoGraphs(5, 10);
    expect(Object.getPrototypeOf(nodeData(plain, 'n1').out)).toBe(Object.prototype);
    const prototype = Object.getPrototypeOf(nodeData(separate, 'n1').out) as object;
    expect(prototype).not.toBe(Object.prototype);
    expect(Object.getPrototypeOf(prototype)).toBe(Object.prototype);
    separate.clearEdges();
    expect(Object.getPrototypeOf(nodeData(separate, 'n1').in)).toBe(prototype);
  });

  it("is the store's graph's", () => {
    const kg = new KnowledgeGraph();
    kg.graph.addNode('a', {} as never);
    expect(Object.getPrototypeOf(nodeData(kg.graph as unknown as MultiDirectedGraph, 'a').out)).not.toBe(Object.prototype);
  });

  it('leaves a graph without the internal it needs as it is', () => {
    const graph = new MultiDirectedGraph();
    Object.defineProperty(graph, 'NodeDataClass', { value: undefined });
    expect(separateAdjacencyShapes(graph)).toBe(false);
  });

  it('gives the adjacency objects hidden classes that a `{}` with the same key does not share (V8)', () => {
    // %HaveSameMap needs --allow-natives-syntax, so the check runs in a process of its own
    const module = fileURLToPath(new URL('../../src/store/adjacency-shapes.ts', import.meta.url));
    const script = `
      import { MultiDirectedGraph } from 'graphology';
      import { separateAdjacencyShapes } from ${JSON.stringify(module)};
      const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
      const answers = [false, true].map((separate) => {
        const graph = new MultiDirectedGraph();
        if (separate) separateAdjacencyShapes(graph);
        graph.addNode('from');
        graph.addNode('only-neighbour');
        graph.addDirectedEdge('from', 'only-neighbour');
        const literal = {};
        literal['only-neighbour'] = graph._nodes.get('from').out['only-neighbour'];
        return sameMap(literal, graph._nodes.get('from').out);
      });
      console.log(JSON.stringify(answers));`;
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([true, false]);
  });
});
