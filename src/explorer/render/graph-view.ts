// The drawing: a graphology graph of what has been loaded so far, drawn by
// sigma, laid out by ForceAtlas2 in a web worker. It knows nothing of the API:
// it takes subgraphs and reports clicks.

import { MultiDirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import FA2Worker from 'graphology-layout-forceatlas2/worker.js';
import Sigma from 'sigma';
import { createNodeCompoundProgram, EdgeArrowProgram, NodeCircleProgram } from 'sigma/rendering';
import { createNodeImageProgram } from '@sigma/node-image';
import type { Attributes } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Subgraph } from '../client.js';
import { EDGE_COLOR, kindIcon, kindStyle, PATH_COLOR, relationLabel } from '../style.js';
import { EdgeDashedArrowProgram } from './edge-dashed.js';

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
  stated: boolean;
  type: 'pictogram';
  image: string;
  pictoColor: string;
}

interface EdgeAttributes {
  relationType: string;
  stated: boolean;
  label: string;
  color: string;
  size: number;
  type: 'arrow' | 'dashed';
}

export interface GraphViewHandlers {
  node(id: string): void;
  edge(id: string): void;
  /** a double click on a node: load its neighbours */
  expand(id: string): void;
}

// CommonJS modules whose types say `export default`: the bundler hands over module.exports
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
const FA2LayoutSupervisor = FA2Worker as unknown as typeof FA2Worker.default;
type FA2LayoutSupervisor = InstanceType<typeof FA2LayoutSupervisor>;

const DIMMED = '#e5e7eb';
const EDGE_LABELS_UP_TO = 2_000;
/** up to this many nodes the layout runs at once, in the page (the same drawing every time) */
const SYNC_LAYOUT_NODES = 1_000;
const SYNC_LAYOUT_ITERATIONS = 200;
/** past it, ForceAtlas2 runs in a worker for this long after the graph grows */
const LAYOUT_MS = 4_000;

export class GraphView {
  readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  private readonly renderer: Sigma;
  private layout: FA2LayoutSupervisor | null = null;
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private selected: string | null = null;
  private path: Set<string> | null = null;

  constructor(container: HTMLElement, handlers: GraphViewHandlers) {
    // sigma's programs are typed for any attributes; this graph's are narrower
    this.renderer = new Sigma(this.graph as unknown as MultiDirectedGraph<Attributes, Attributes>, container, {
      renderEdgeLabels: true,
      // the graph's tab may be hidden (the MoU view) while the layout runs
      allowInvalidContainer: true,
      enableEdgeEvents: true,
      zIndex: true,
      hideEdgesOnMove: true,
      defaultEdgeType: 'arrow',
      defaultNodeType: 'pictogram',
      labelRenderedSizeThreshold: 3,
      edgeLabelSize: 11,
      nodeProgramClasses: {
        pictogram: createNodeCompoundProgram([
          NodeCircleProgram,
          createNodeImageProgram({ padding: 0.22, size: { mode: 'force', value: 96 }, drawingMode: 'color', colorAttribute: 'pictoColor' }),
        ]),
      },
      edgeProgramClasses: { arrow: EdgeArrowProgram, dashed: EdgeDashedArrowProgram },
      nodeReducer: (id, data) => this.reduceNode(id, data as NodeAttributes),
      edgeReducer: (id, data) => this.reduceEdge(id, data as EdgeAttributes),
    });
    this.renderer.on('clickNode', ({ node }) => handlers.node(node));
    this.renderer.on('clickEdge', ({ edge }) => handlers.edge(edge));
    this.renderer.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      handlers.expand(node);
    });
    for (const event of ['enterNode', 'enterEdge'] as const) this.renderer.on(event, () => (container.style.cursor = 'pointer'));
    for (const event of ['leaveNode', 'leaveEdge'] as const) this.renderer.on(event, () => (container.style.cursor = ''));
  }

  get nodeCount(): number {
    return this.graph.order;
  }

  get edgeCount(): number {
    return this.graph.size;
  }

  /** Adds what is not drawn yet, new nodes placed near `near` (or a neighbour already drawn); returns how many nodes were new. */
  add(subgraph: Subgraph, near?: string): number {
    const added: string[] = [];
    for (const entity of subgraph.nodes) {
      if (this.graph.hasNode(entity.id)) continue;
      const style = kindStyle(entity.kind);
      this.graph.addNode(entity.id, {
        x: 0,
        y: 0,
        size: style.size,
        color: style.color,
        label: entity.name,
        kind: entity.kind,
        stated: entity.stated,
        type: 'pictogram',
        image: kindIcon(entity.kind),
        pictoColor: '#ffffff',
      });
      added.push(entity.id);
    }
    for (const relation of subgraph.relations) {
      if (this.graph.hasEdge(relation.id) || !this.graph.hasNode(relation.from.id) || !this.graph.hasNode(relation.to.id)) continue;
      this.graph.addDirectedEdgeWithKey(relation.id, relation.from.id, relation.to.id, {
        relationType: relation.type,
        stated: relation.stated,
        label: relationLabel(relation.type),
        color: EDGE_COLOR,
        size: 1.5,
        type: relation.stated ? 'arrow' : 'dashed',
      });
    }
    this.place(added, near);
    // past a few thousand entities, edge labels cost more than they tell
    this.renderer.setSetting('renderEdgeLabels', this.graph.order <= EDGE_LABELS_UP_TO);
    if (added.length > 0) this.runLayout();
    return added.length;
  }

  clear(): void {
    this.stopLayout();
    this.graph.clear();
    this.selected = null;
    this.path = null;
  }

  /** Fits the drawing to its container again (after the container was hidden). */
  resize(): void {
    this.renderer.resize();
    this.renderer.refresh();
  }

  /** Marks a node or relation as the one the panel shows. */
  select(id: string | null): void {
    this.selected = id;
    this.renderer.refresh({ skipIndexation: true });
  }

  /** Draws a path over the rest (null: no path). */
  highlight(path: Subgraph | null): void {
    this.path = path ? new Set([...path.nodes.map((n) => n.id), ...path.relations.map((r) => r.id)]) : null;
    this.renderer.refresh({ skipIndexation: true });
  }

  /** Frames the camera on some nodes (a path). */
  fit(ids: string[]): void {
    const points = ids.map((id) => this.renderer.getNodeDisplayData(id)).filter((d) => d !== undefined);
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // the camera's ratio is the share of the whole framed graph in view
    const ratio = Math.max(maxX - minX, maxY - minY, 0.2) * 1.4;
    void this.renderer.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400 });
  }

  /** Where a node is on the screen, in pixels from the container's top left (undefined when not drawn). */
  nodePosition(id: string): { x: number; y: number } | undefined {
    const data = this.renderer.getNodeDisplayData(id);
    return data ? this.renderer.framedGraphToViewport(data) : undefined;
  }

  /** Stops the layout where it is (the e2e test does, to click a node that no longer moves). */
  stopLayout(): void {
    clearTimeout(this.layoutTimer);
    this.layout?.kill();
    this.layout = null;
  }

  get layoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  private runLayout(): void {
    this.stopLayout();
    const settings = { ...forceAtlas2.inferSettings(this.graph), adjustSizes: this.graph.order <= SYNC_LAYOUT_NODES };
    if (this.graph.order <= SYNC_LAYOUT_NODES) {
      forceAtlas2.assign(this.graph, { iterations: SYNC_LAYOUT_ITERATIONS, settings });
      return;
    }
    this.layout = new FA2LayoutSupervisor(this.graph, { settings });
    this.layout.start();
    this.layoutTimer = setTimeout(() => this.stopLayout(), LAYOUT_MS);
  }

  /** New nodes start on a small circle around their anchor, so the layout only has to spread them. */
  private place(ids: string[], near?: string): void {
    ids.forEach((id, i) => {
      const anchor = (near && near !== id && this.graph.hasNode(near) ? near : undefined) ?? this.graph.neighbors(id).find((n) => !ids.includes(n));
      const origin = anchor ? this.graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
      const angle = (2 * Math.PI * i) / Math.max(ids.length, 1);
      const radius = 10 + Math.sqrt(ids.length) * 4;
      this.graph.mergeNodeAttributes(id, { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
    });
  }

  private reduceNode(id: string, data: NodeAttributes): Partial<NodeDisplayData> {
    const shown: Partial<NodeDisplayData> = { ...data };
    if (this.path && !this.path.has(id)) {
      shown.color = DIMMED;
      shown.label = '';
    }
    if (this.path?.has(id) || id === this.selected) {
      shown.highlighted = true;
      shown.zIndex = 1;
    }
    return shown;
  }

  private reduceEdge(id: string, data: EdgeAttributes): Partial<EdgeDisplayData> {
    const shown: Partial<EdgeDisplayData> = { ...data };
    if (this.path) {
      if (this.path.has(id)) {
        shown.color = PATH_COLOR;
        shown.size = 3;
        shown.zIndex = 1;
      } else {
        shown.color = DIMMED;
        shown.label = '';
      }
    }
    if (id === this.selected) {
      shown.color = PATH_COLOR;
      shown.size = 3;
    }
    return shown;
  }
}
