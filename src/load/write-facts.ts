// One article's facts → its text in sources/ and a facts file in facts/, in
// the format the loader reads, each written atomically; the whole graph is
// then loaded again, and the files are taken back out if it does not load.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ConflictRecord, EntityRecord, RelationRecord } from '../ontology/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { loadGraph } from './load-graph.js';

export interface ArticleFacts {
  article: { id: string; title: string; publishedOn: string; url?: string; publisher?: string; author?: string };
  text: string;
  /** without the Article entity itself */
  entities: EntityRecord[];
  relations: RelationRecord[];
  conflicts: ConflictRecord[];
}

export interface WrittenFiles {
  facts: string;
  source: string;
}

const evidence = (fact: { evidence: { quote: string; start: number; end: number }[] }) =>
  fact.evidence.map(({ quote, start, end }) => ({ quote, start, end }));

/** The facts file's content (YAML), entities and relations in a reviewable order. */
export function factsFileText(facts: ArticleFacts, source: string): string {
  const { id, title, publishedOn, url, publisher, author } = facts.article;
  const document = {
    article: { id, title, publishedOn, ...(url ? { url } : {}), ...(publisher ? { publisher } : {}), ...(author ? { author } : {}), source },
    entities: facts.entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      ...(e.aliases.length ? { aliases: e.aliases } : {}),
      ...(Object.keys(e.attributes).length ? { attributes: e.attributes } : {}),
      ...(e.confidence !== undefined ? { confidence: e.confidence } : {}),
      evidence: evidence(e),
    })),
    relations: facts.relations.map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      ...(Object.keys(r.properties).length ? { properties: r.properties } : {}),
      stated: r.stated,
      ...(r.inference ? { inference: r.inference } : {}),
      ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
      evidence: evidence(r),
    })),
    ...(facts.conflicts.length
      ? {
          conflicts: facts.conflicts.map((c) => ({
            id: c.id,
            property: c.property,
            about: c.about,
            ...(c.note ? { note: c.note } : {}),
            claims: c.claims.map((claim) => ({ value: claim.value, evidence: evidence(claim) })),
          })),
        }
      : {}),
  };
  return `# Facts of "${title}" (${publishedOn}), proposed by coopgraph ingest.\n# Review them; every quote is verbatim in ${source}.\n${stringify(document, { lineWidth: 0 })}`;
}

/**
 * Writes the article into the graph folder. The text goes first: a crash
 * between the two leaves an unused text, never facts without their text.
 * `check` then reads the whole folder (default: the facts files alone); if it
 * throws, both files are taken back out.
 */
export function writeArticle(dir: string, facts: ArticleFacts, check: (dir: string) => unknown = loadGraph): WrittenFiles {
  let stem = facts.article.id.replace(/^article:/, '');
  for (let n = 2; existsSync(join(dir, 'facts', `${stem}.yaml`)) || existsSync(join(dir, 'sources', `${stem}.txt`)); n++) {
    stem = `${facts.article.id.replace(/^article:/, '')}-${n}`;
  }
  const source = join(dir, 'sources', `${stem}.txt`);
  const factsPath = join(dir, 'facts', `${stem}.yaml`);
  writeFileAtomic(source, [facts.text]);
  try {
    writeFileAtomic(factsPath, [factsFileText(facts, `sources/${stem}.txt`)]);
    check(dir);
  } catch (error) {
    rmSync(factsPath, { force: true });
    rmSync(source, { force: true });
    throw error;
  }
  return { facts: factsPath, source };
}
