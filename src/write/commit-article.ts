// An extraction's proposal → the ingestion change the writer commits, and a
// committed ingestion → the proposal it came from (for a repeated request).

import { InvalidArgumentError } from '../errors.js';
import type { Proposal, ProposedEntity, ProposedRelation } from '../extract/propose.js';
import type { EntityRecord, Evidence } from '../ontology/index.js';
import { planIngestArticle } from '../store/changes/ingest-article.js';
import type { LogRecord } from './change-log.js';
import type { Writer } from './writer.js';

/** Commits the proposal's facts as `by`; under an idempotency key used before, returns that commit instead. */
export function commitArticle(writer: Writer, by: string, proposal: Proposal, idempotencyKey?: string): LogRecord {
  const earlier = idempotencyKey ? writer.findByKey(idempotencyKey) : null;
  if (earlier) {
    const text = earlier.change.effects.entities[0]?.after?.attributes.text;
    if (text !== proposal.text) throw new InvalidArgumentError(`ingestArticle: the idempotency key "${idempotencyKey}" was used for another article (revision ${earlier.revision})`);
    return earlier;
  }
  const strip = ({ resolution: _r, ...entity }: ProposedEntity): EntityRecord => entity;
  const article = proposal.entities.find((e) => e.kind === 'Article' && e.id === proposal.article.id);
  if (!article) throw new InvalidArgumentError('ingestArticle: the proposal has no article');
  const facts = {
    article: { ...strip(article), attributes: { ...article.attributes, text: proposal.text } },
    entities: proposal.entities.filter((e) => e !== article).map(strip),
    relations: proposal.relations,
    conflicts: proposal.conflicts,
  };
  return writer.commit(by, (kg) => planIngestArticle(kg, facts, idempotencyKey));
}

/**
 * The facts a committed ingestion added or joined, as a proposal reads them:
 * with the evidence of this article only (a proposal's offsets point into its text).
 */
export function committedProposal(record: LogRecord): Pick<Proposal, 'entities' | 'relations' | 'conflicts'> & { article: EntityRecord } {
  const { entities, relations, conflicts } = record.change.effects;
  const article = entities[0]!.after!;
  const own = <T extends { evidence: Evidence[] }>(fact: T): T => ({ ...fact, evidence: fact.evidence.filter((e) => e.article === article.id) });
  return {
    article,
    entities: entities.flatMap((e): ProposedEntity[] =>
      e.after ? [{ ...own(e.after), stated: true, confidence: e.after.confidence ?? 1, resolution: e.before ? 'MERGED' : 'NEW' }] : [],
    ),
    relations: relations.flatMap((r): ProposedRelation[] => (r.after ? [{ ...own(r.after), confidence: r.after.confidence ?? 1 }] : [])),
    conflicts: conflicts.flatMap((c) => (c.after ? [{ ...c.after, note: c.after.note ?? '', claims: c.after.claims.map(own) }] : [])),
  };
}
