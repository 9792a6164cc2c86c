// Scoring a proposal against a gold file (the format of the seeds' gold):
// precision, recall and F1 per entity kind and per relation type, stated
// relations and inferred ones apart, and the inferred facts marked stated.

import { normalizeName } from '../ontology/index.js';
import type { Proposal } from './propose.js';

export interface GoldFile {
  article: string;
  publishedOn?: string;
  entities: { key: string; kind: string; name: string; aliases: string[]; attrs: Record<string, unknown> }[];
  relations: { type: string; from: string; to: string; props: Record<string, unknown>; stated: boolean; quote: string; inference?: string }[];
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  entities: Score;
  statedRelations: Score;
  inferredRelations: Score;
  byKind: Record<string, Score>;
  byType: Record<string, Score>;
  /** relations the gold infers that the proposal marks stated */
  inferredMarkedStated: number;
  /** evidence quotes that are not verbatim in the text */
  quotesNotVerbatim: number;
  /** gold facts not found, for reading */
  missed: string[];
  /** proposed facts not in the gold, for reading */
  extra: string[];
}

export function score(counts: Counts): Score {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

const empty = (): Counts => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

/** Adds up counts (micro-average over articles). */
export function addCounts(into: Counts, more: Counts): void {
  into.truePositives += more.truePositives;
  into.falsePositives += more.falsePositives;
  into.falseNegatives += more.falseNegatives;
}

/**
 * Matches gold entities to proposed ones (same kind and a shared name or alias
 * by ONTOLOGY.md's rule; crime categories by slug, countries by code), then
 * relations by type and matched ends.
 */
export function evaluate(proposal: Proposal, gold: GoldFile): Evaluation {
  const names = (e: { name: string; aliases: string[] }) => new Set([e.name, ...e.aliases].map(normalizeName));
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  for (const g of gold.entities) {
    const wanted = names(g);
    const candidate = proposal.entities.find((e) => {
      if (e.kind !== g.kind || taken.has(e.id)) return false;
      if (g.kind === 'Article') return true;
      if (g.kind === 'CrimeCategory') return e.attributes.slug === g.attrs.slug;
      if (g.kind === 'Country' && g.attrs.code) return e.attributes.code === g.attrs.code;
      return [...names(e)].some((n) => wanted.has(n));
    });
    if (candidate) {
      matched.set(g.key, candidate.id);
      taken.add(candidate.id);
    }
  }

  const byKind: Record<string, Counts> = {};
  const kindCounts = (kind: string) => (byKind[kind] ??= empty());
  const missed: string[] = [];
  const extra: string[] = [];
  for (const g of gold.entities) {
    if (matched.has(g.key)) kindCounts(g.kind).truePositives++;
    else {
      kindCounts(g.kind).falseNegatives++;
      missed.push(`${g.kind} ${g.name}`);
    }
  }
  for (const e of proposal.entities) {
    if (!taken.has(e.id)) {
      kindCounts(e.kind).falsePositives++;
      extra.push(`${e.kind} ${e.name}`);
    }
  }

  const byType: Record<string, Counts> = {};
  const typeCounts = (type: string) => (byType[type] ??= empty());
  const stated = empty();
  const inferred = empty();
  let inferredMarkedStated = 0;
  const used = new Set<string>();
  for (const g of gold.relations) {
    const from = matched.get(g.from);
    const to = matched.get(g.to);
    const found = from && to ? proposal.relations.find((r) => r.type === g.type && r.from === from && r.to === to) : undefined;
    const bucket = g.stated ? stated : inferred;
    if (found && found.stated === g.stated) {
      bucket.truePositives++;
      if (g.stated) typeCounts(g.type).truePositives++;
      used.add(found.id);
    } else {
      bucket.falseNegatives++;
      if (g.stated) typeCounts(g.type).falseNegatives++;
      missed.push(`${g.stated ? '' : '(inferred) '}${g.type} ${g.from} → ${g.to}`);
      if (found && !g.stated && found.stated) inferredMarkedStated++;
      if (found) used.add(found.id);
    }
  }
  for (const r of proposal.relations) {
    if (used.has(r.id)) continue;
    (r.stated ? stated : inferred).falsePositives++;
    if (r.stated) typeCounts(r.type).falsePositives++;
    extra.push(`${r.stated ? '' : '(inferred) '}${r.type} ${r.from} → ${r.to}`);
  }

  const allEntities = empty();
  for (const c of Object.values(byKind)) addCounts(allEntities, c);
  const quotesNotVerbatim = [...proposal.entities, ...proposal.relations]
    .flatMap((f) => f.evidence)
    .filter((ev) => proposal.text.slice(ev.start, ev.end) !== ev.quote).length;
  return {
    entities: score(allEntities),
    statedRelations: score(stated),
    inferredRelations: score(inferred),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, c]) => [k, score(c)])),
    byType: Object.fromEntries(Object.entries(byType).map(([t, c]) => [t, score(c)])),
    inferredMarkedStated,
    quotesNotVerbatim,
    missed,
    extra,
  };
}
