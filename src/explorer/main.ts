// The explorer page: search, neighbourhoods, paths, the side panel and the
// MoU view, wired to the public GraphQL API.

import { Api, ApiError, type EntityRef } from './client.js';
import { byId, h } from './dom.js';
import { renderMoUs } from './mou-view.js';
import { Panel } from './panel.js';
import { GraphView } from './render/graph-view.js';
import { SearchBox } from './search-box.js';
import { KIND_STYLES, RELATION_TYPES, relationLabel } from './style.js';

const api = new Api();
const status = byId('status');
const counts = byId('counts');
const depth = byId<HTMLSelectElement>('depth');
/** entities one neighbourhood request brings at most */
const limit = byId<HTMLSelectElement>('limit');

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = text;
  status.className = kind;
}

function fail(error: unknown): void {
  const message = error instanceof ApiError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
  say(message, 'error');
}

function checked(root: HTMLElement): string[] | null {
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const on = boxes.filter((box) => box.checked).map((box) => box.value);
  return on.length === boxes.length ? null : on;
}

function filterList(root: HTMLElement, entries: [value: string, label: string, color?: string][]): void {
  root.append(
    ...entries.map(([value, label, color]) =>
      h('label', {}, h('input', { type: 'checkbox', value, checked: true }), color ? h('span', { class: 'dot', style: `background:${color}` }) : null, label),
    ),
  );
}

const kindFilter = byId('kinds');
const typeFilter = byId('types');
filterList(kindFilter, [...KIND_STYLES].map(([kind, style]) => [kind, style.label, style.color]));
filterList(typeFilter, RELATION_TYPES.map((type) => [type, relationLabel(type)]));

function showCounts(): void {
  counts.textContent = `${view.nodeCount} entities, ${view.edgeCount} relations drawn`;
}

// Clicks can come faster than answers: each request for the panel takes a
// ticket, and an answer that is no longer the latest is dropped; Clear starts
// a new epoch, so nothing asked for before it is drawn after it.
let latest = 0;
let epoch = 0;
const stale = (ticket: number, since: number) => ticket !== latest || since !== epoch;

async function open(id: string): Promise<void> {
  showTab('graph');
  say(`Loading ${id}…`);
  const [ticket, since] = [++latest, epoch];
  try {
    const subgraph = await api.neighborhood(id, { depth: Number(depth.value), kinds: checked(kindFilter), types: checked(typeFilter), limit: Number(limit.value) });
    if (stale(ticket, since)) return;
    view.highlight(null);
    view.add(subgraph, id);
    showCounts();
    history.replaceState(null, '', `#${encodeURIComponent(id)}`);
    await showEntity(id, ticket);
    view.fit(subgraph.nodes.map((n) => n.id));
    say(subgraph.truncated ? `Showing the nearest ${limit.value} entities; expand a node for more.` : `${subgraph.nodes.length} entities within ${depth.value} hop(s).`);
  } catch (error) {
    if (!stale(ticket, since)) fail(error);
  }
}

async function expand(id: string): Promise<void> {
  const since = epoch;
  try {
    const subgraph = await api.neighborhood(id, { depth: 1, kinds: checked(kindFilter), types: checked(typeFilter), limit: Number(limit.value) });
    if (since !== epoch) return;
    const added = view.add(subgraph, id);
    showCounts();
    say(`${added} new entit${added === 1 ? 'y' : 'ies'} around ${subgraph.nodes.find((n) => n.id === id)?.name ?? id}${subgraph.truncated ? ' (the nearest only)' : ''}.`);
  } catch (error) {
    fail(error);
  }
}

/** Marks `id` in the drawing and shows what `load` answers in the panel, unless a later request overtook it. */
async function showInPanel<T>(id: string, load: (id: string) => Promise<T>, render: (answer: T) => void, ticket = ++latest): Promise<void> {
  const since = epoch;
  view.select(id);
  try {
    const answer = await load(id);
    if (!stale(ticket, since)) render(answer);
  } catch (error) {
    if (!stale(ticket, since)) fail(error);
  }
}

const showEntity = (id: string, ticket?: number) => showInPanel(id, (e) => api.entity(e), (entity) => panel.entity(entity), ticket);
const showRelation = (id: string) => showInPanel(id, (r) => api.relation(r), (relation) => panel.relation(relation));

async function findPath(from: EntityRef | null, to: EntityRef | null): Promise<void> {
  if (!from || !to) return say('Choose both ends of the path from the lists first.', 'error');
  showTab('graph');
  const [ticket, since] = [++latest, epoch];
  try {
    const path = await api.shortestPath(from.id, to.id);
    if (stale(ticket, since)) return;
    if (path) {
      view.add(path);
      view.highlight(path);
      showCounts();
      view.fit(path.nodes.map((n) => n.id));
    }
    byId<HTMLDetailsElement>('path-tool').open = false;
    panel.path(from, to, path);
    say(path ? `Path of ${path.length} step(s).` : 'No path between them.');
  } catch (error) {
    if (!stale(ticket, since)) fail(error);
  }
}

let mousLoaded = false;
async function showMoUs(): Promise<void> {
  showTab('mous');
  if (mousLoaded) return;
  const root = byId('mou-view');
  root.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
  try {
    renderMoUs(root, await api.mous(), (id) => void open(id));
    mousLoaded = true;
  } catch (error) {
    root.replaceChildren();
    fail(error);
  }
}

function showTab(tab: 'graph' | 'mous'): void {
  const wasHidden = byId('graph-view').hidden;
  byId('graph-view').hidden = tab !== 'graph';
  if (tab === 'graph' && wasHidden) view.resize();
  byId('mou-view').hidden = tab !== 'mous';
  byId('tab-graph').setAttribute('aria-selected', String(tab === 'graph'));
  byId('tab-mous').setAttribute('aria-selected', String(tab === 'mous'));
}

const panel = new Panel(byId('panel'), { open: (id) => void open(id), expand: (id) => void expand(id), relation: (id) => void showRelation(id) });
const view = new GraphView(byId('graph'), { node: (id) => void showEntity(id), edge: (id) => void showRelation(id), expand: (id) => void expand(id) });

new SearchBox(byId<HTMLInputElement>('search'), api, (entity) => void open(entity.id), fail);
const pathFrom = new SearchBox(byId<HTMLInputElement>('path-from'), api, () => {}, fail);
const pathTo = new SearchBox(byId<HTMLInputElement>('path-to'), api, () => {}, fail);
byId('path-go').addEventListener('click', () => void findPath(pathFrom.chosen, pathTo.chosen));
byId('tab-graph').addEventListener('click', () => showTab('graph'));
byId('tab-mous').addEventListener('click', () => void showMoUs());
byId('clear').addEventListener('click', () => {
  epoch++;
  view.clear();
  showCounts();
  panel.message('Search for an entity to start.');
});

panel.message('Search for an entity to start: a police department, an official, an MoU…');
showCounts();
// `#person:ma-shuliang` opens that entity: a link to it can be shared, and a
// changed hash (a link followed, back and forward between them) opens its entity
const openHash = () => {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return say(`The address names no entity: ${location.hash}`, 'error');
  }
  if (id) void open(id);
};
window.addEventListener('hashchange', openHash);
openHash();

// For automation (the end-to-end test): where nodes are drawn, and a way to hold the layout still.
Object.assign(window, {
  coopgraphExplorer: {
    nodePosition: (id: string) => view.nodePosition(id),
    stopLayout: () => view.stopLayout(),
    get layoutRunning() {
      return view.layoutRunning;
    },
    get nodeCount() {
      return view.nodeCount;
    },
    hasNode: (id: string) => view.graph.hasNode(id),
    expand: (id: string) => expand(id),
  },
});
