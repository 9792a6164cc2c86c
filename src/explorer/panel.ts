// The side panel: what the graph holds about the entity or relation chosen,
// and what each fact rests on.

import type { ConflictNote, EntityDetails, EntityRef, Path, Quote, RelationDetails } from './client.js';
import { h } from './dom.js';
import { kindStyle, relationLabel } from './style.js';

/** relations of one type listed at most (a national ministry has thousands) */
const LISTED_PER_TYPE = 50;

export interface PanelActions {
  /** open an entity: load its neighbourhood and show it here */
  open(id: string): void;
  expand(id: string): void;
  /** show a relation here */
  relation(id: string): void;
}

export class Panel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: PanelActions,
  ) {}

  message(text: string): void {
    this.root.replaceChildren(h('p', { class: 'hint' }, text));
  }

  entity(entity: EntityDetails): void {
    const style = kindStyle(entity.kind);
    const byType = groupBy(entity.relations, (r) => r.type);
    this.root.replaceChildren(
      h(
        'article',
        { class: 'entity', 'data-id': entity.id },
        h('p', { class: 'kind', style: `color:${style.color}` }, style.label),
        h('h2', {}, entity.name),
        h('p', { class: 'id' }, entity.id),
        factStatus(entity),
        entity.aliases.length > 0 && h('p', {}, h('strong', {}, 'Also: '), entity.aliases.join(' · ')),
        h('button', { type: 'button', class: 'expand', onclick: () => this.actions.expand(entity.id) }, 'Expand neighbours'),
        attributeTable(entity.attributes),
        conflictList(entity.conflicts),
        h('h3', {}, `Evidence (${entity.evidence.length})`),
        evidenceList(entity.evidence),
        h('h3', {}, `Relations (${entity.relations.length})`),
        [...byType].map(([type, relations]) =>
          h(
            'section',
            { class: 'relation-group' },
            h('h4', {}, relationLabel(type), ` (${relations.length})`),
            h(
              'ul',
              {},
              relations.slice(0, LISTED_PER_TYPE).map((relation) => {
                const other = relation.from.id === entity.id ? relation.to : relation.from;
                const arrow = relation.from.id === entity.id ? '→' : '←';
                return h(
                  'li',
                  { class: relation.stated ? 'stated' : 'inferred' },
                  `${arrow} `,
                  this.link(other),
                  ' ',
                  h('button', { type: 'button', class: 'link small', onclick: () => this.actions.relation(relation.id) }, relation.stated ? 'evidence' : 'inferred: why'),
                );
              }),
              relations.length > LISTED_PER_TYPE && h('li', { class: 'hint' }, `and ${relations.length - LISTED_PER_TYPE} more: expand the node to draw them`),
            ),
          ),
        ),
      ),
    );
  }

  relation(relation: RelationDetails): void {
    this.root.replaceChildren(
      h(
        'article',
        { class: 'relation', 'data-id': relation.id },
        h('p', { class: 'kind' }, 'Relation'),
        h('h2', {}, this.link(relation.from), ` ${relationLabel(relation.type)} `, this.link(relation.to)),
        h('p', { class: 'id' }, relation.id),
        factStatus(relation),
        attributeTable(relation.properties ?? {}),
        conflictList(relation.conflicts ?? []),
        h('h3', {}, `Evidence (${relation.evidence.length})`),
        evidenceList(relation.evidence),
      ),
    );
  }

  path(from: EntityRef, to: EntityRef, path: Path | null): void {
    if (!path) {
      this.root.replaceChildren(h('article', { class: 'path' }, h('h2', {}, 'No path'), h('p', {}, this.link(from), ' and ', this.link(to), ' are not connected.')));
      return;
    }
    this.root.replaceChildren(
      h(
        'article',
        { class: 'path' },
        h('h2', {}, `Path: ${path.length} step${path.length === 1 ? '' : 's'}`),
        h(
          'ol',
          { class: 'steps' },
          path.relations.map((relation, i) => {
            // in the path's order, whichever way the relation points
            const [here, next] = [path.nodes[i]!, path.nodes[i + 1]!];
            const forward = relation.from.id === here.id;
            const type = h('button', { type: 'button', class: 'link relation-type', onclick: () => this.actions.relation(relation.id) }, relationLabel(relation.type));
            return h('li', { class: relation.stated ? 'stated' : 'inferred' }, this.link(here), forward ? [' —', type, '→ '] : [' ←', type, '— '], this.link(next));
          }),
        ),
      ),
    );
  }

  private link(entity: EntityRef): HTMLElement {
    return h('button', { type: 'button', class: 'link entity-link', 'data-id': entity.id, onclick: () => this.actions.open(entity.id) }, entity.name);
  }
}

function factStatus(fact: { stated: boolean; inference: string | null; confidence?: number | null; assertedBy?: { by: string; at: string } | null }): HTMLElement {
  return h(
    'div',
    { class: 'status' },
    h('span', { class: `badge ${fact.stated ? 'stated' : 'inferred'}` }, fact.stated ? 'stated' : 'inferred'),
    fact.confidence != null && h('span', { class: 'badge' }, `confidence ${fact.confidence.toFixed(2)}`),
    fact.assertedBy && h('span', { class: 'badge' }, `entered by ${fact.assertedBy.by}, ${fact.assertedBy.at.slice(0, 10)}`),
    fact.inference && h('p', { class: 'inference' }, h('strong', {}, 'Inferred: '), fact.inference),
  );
}

function attributeTable(attributes: Record<string, unknown>): HTMLElement | null {
  const rows = Object.entries(attributes).filter(([, value]) => value !== null && value !== undefined);
  if (rows.length === 0) return null;
  return h(
    'table',
    { class: 'attributes' },
    h(
      'tbody',
      {},
      rows.map(([name, value]) => h('tr', {}, h('th', {}, name), h('td', {}, typeof value === 'object' ? JSON.stringify(value) : String(value)))),
    ),
  );
}

function conflictList(conflicts: ConflictNote[]): HTMLElement | null {
  if (conflicts.length === 0) return null;
  return h('div', { class: 'conflicts' }, h('h3', {}, 'Sources disagree'), h('ul', {}, conflicts.map((c) => h('li', {}, h('strong', {}, c.property), c.note ? `: ${c.note}` : ''))));
}

function evidenceList(evidence: Quote[]): HTMLElement {
  if (evidence.length === 0) return h('p', { class: 'hint' }, 'No quote: entered by hand or inferred from the relations.');
  return h(
    'ul',
    { class: 'evidence' },
    evidence.map(({ quote, article }) =>
      h(
        'li',
        {},
        h('blockquote', {}, quote),
        h(
          'p',
          { class: 'source' },
          article.url ? h('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, article.title) : article.title,
          ` · ${article.publishedOn}`,
        ),
      ),
    ),
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
