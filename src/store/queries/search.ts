// Finding entities by name: exact name, then alias, then prefix, then fuzzy
// matches, all under ONTOLOGY.md's matching rule. Prefix and fuzzy candidates
// come from a MiniSearch index built once per graph revision.

import MiniSearch from 'minisearch';
import { InvalidArgumentError } from '../../errors.js';
import { normalizeName, type EntityRecord, type Kind } from '../../ontology/index.js';
import { assertHeapRoom, HEAP_COST } from '../heap-room.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { assertInRange, LIMITS } from '../limits.js';

export interface SearchOptions {
  kinds?: readonly Kind[];
  first?: number;
}

export type MatchType = 'EXACT' | 'ALIAS' | 'PREFIX' | 'FUZZY';

export interface SearchHit {
  entity: EntityRecord;
  match: MatchType;
  score: number;
}

const RANK: Record<MatchType, number> = { EXACT: 0, ALIAS: 1, PREFIX: 2, FUZZY: 3 };

type Doc = { id: string; names: string };
const indices = new WeakMap<KnowledgeGraph, { revision: number; index: MiniSearch<Doc> }>();

function indexOf(kg: KnowledgeGraph): MiniSearch<Doc> {
  const cached = indices.get(kg);
  if (cached && cached.revision === kg.revision) return cached.index;
  assertHeapRoom('searching by prefix and spelling', kg.entityCount * HEAP_COST.searchEntity, 'look entities up by id or by list (entities, people, agencies)');
  // nothing stored beside the ids (a kind is looked up in the graph), and
  // documents made one at a time: at 1e6 entities the index is most of a search's memory
  const index = new MiniSearch<Doc>({
    fields: ['names'],
    processTerm: (term) => normalizeName(term) || null,
    tokenize: (text) => normalizeName(text).split(' '),
  });
  for (const e of kg.entities()) index.add({ id: e.id, names: e.aliases.length ? [e.name, ...e.aliases].join(' | ') : e.name });
  indices.set(kg, { revision: kg.revision, index });
  return index;
}

/** Entities matching `query`, best first: exact name, alias, prefix, fuzzy. */
export function searchEntities(kg: KnowledgeGraph, query: string, options: SearchOptions = {}): SearchHit[] {
  const { kinds, first = 10 } = options;
  const key = normalizeName(query);
  if (key.length === 0) throw new InvalidArgumentError('search: the query has no letters or digits to match');
  if (query.length > LIMITS.query.max) {
    throw new InvalidArgumentError(`search: the query is ${query.length} characters long; at most ${LIMITS.query.max} are allowed`);
  }
  assertInRange('search', 'first', first, LIMITS.page);
  const kindOk = (kind: Kind) => !kinds || kinds.length === 0 || kinds.includes(kind);

  const hits = new Map<string, SearchHit>();
  for (const entity of kg.entitiesNamed(query)) {
    if (!kindOk(entity.kind)) continue;
    const match = normalizeName(entity.name) === key ? 'EXACT' : 'ALIAS';
    hits.set(entity.id, { entity, match, score: Infinity });
  }
  const results = indexOf(kg).search(key, {
    prefix: true,
    fuzzy: (term) => (term.length > 3 ? 0.25 : false),
    combineWith: 'AND',
    filter: (r) => kindOk(kg.graph.getNodeAttribute(r.id as string, 'kind')),
  });
  const queryTerms = key.split(' ');
  for (const result of results) {
    if (hits.has(result.id)) continue;
    // a query of several words must meet at least one of them exactly or as a prefix:
    // "Dien Bien" is not "Vu Tien Dung" although every word is one letter away
    const anchored = result.terms.some((term) => queryTerms.some((q) => term.startsWith(q)));
    if (queryTerms.length > 1 && !anchored) continue;
    const entity = kg.graph.getNodeAttributes(result.id);
    const names = [entity.name, ...entity.aliases].map(normalizeName);
    const isPrefix = names.some((n) => n.startsWith(key) || n.split(' ').some((word) => word.startsWith(key)));
    hits.set(result.id, { entity, match: isPrefix ? 'PREFIX' : 'FUZZY', score: result.score });
  }
  return [...hits.values()]
    .sort(
      (a, b) =>
        RANK[a.match] - RANK[b.match] ||
        b.score - a.score ||
        a.entity.name.localeCompare(b.entity.name) ||
        a.entity.id.localeCompare(b.entity.id),
    )
    .slice(0, first);
}
