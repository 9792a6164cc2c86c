// What the graph already holds, as the extractor asks it: any store with
// these three reads will do (the extractor never imports the store).

import { normalizeName, type Kind } from '../ontology/index.js';
import type { KnownEntities } from './propose.js';

export interface EntityLookup {
  entitiesNamed(name: string): readonly { id: string; kind: Kind }[];
  findEntity(id: string): { kind: Kind } | null;
  entities(kinds: Kind[]): readonly { id: string; name: string; attributes: Record<string, unknown> }[];
}

export function knownEntities(graph: EntityLookup): KnownEntities {
  return {
    named: (name, kind) => graph.entitiesNamed(name).filter((e) => e.kind === kind).map((e) => e.id),
    kindOf: (id) => graph.findEntity(id)?.kind ?? null,
    article: (title, publishedOn, url) => {
      const key = normalizeName(title);
      const found = graph
        .entities(['Article'])
        .find((a) => (url !== undefined && a.attributes.url === url) || (normalizeName(a.name) === key && a.attributes.publishedOn === publishedOn));
      return found?.id ?? null;
    },
  };
}
