// Writes: each resolver hands one planned change to the writer (which checks,
// makes it durable and applies it) and answers with the records it changed.
// Who may call which is checked before any of this runs (see api/auth).

import { ForbiddenError } from '../../errors.js';
import { knownEntities } from '../../extract/known-entities.js';
import { proposeFacts, type ArticleInput } from '../../extract/propose.js';
import type { Kind } from '../../ontology/index.js';
import { planCreateEntity } from '../../store/changes/create-entity.js';
import { planCreateRelation } from '../../store/changes/create-relation.js';
import { planDeleteEntity } from '../../store/changes/delete-entity.js';
import { planDeleteRelation } from '../../store/changes/delete-relation.js';
import { planMergeEntities, planUnmergeEntity } from '../../store/changes/merge-entities.js';
import { planUpdateEntity } from '../../store/changes/update-entity.js';
import type { LogRecord } from '../../write/change-log.js';
import { commitArticle, committedProposal } from '../../write/commit-article.js';
import type { Writer } from '../../write/writer.js';
import { assertConfidence } from '../confidence.js';
import type { Context } from '../context.js';
import { clean } from './shared.js';

type Input = Record<string, unknown>;
interface IngestArgs {
  input: { text: string; title?: string | null; url?: string | null; publishedOn?: string | null };
  dryRun?: boolean | null;
  minConfidence?: number | null;
  idempotencyKey?: string | null;
}

/** The writer and the author of a change; the auth plugin has let only known tokens through. */
function writing({ writer, user }: Context): { writer: Writer; by: string } {
  if (!writer) throw new ForbiddenError('this server serves the graph read-only: start it with --data DIR to accept writes');
  return { writer, by: user?.name ?? 'anonymous' };
}

/** Input objects arrive with null fields, evidence items too; drop them. */
const draft = (input: Input) => ({
  ...clean(input),
  ...(Array.isArray(input.evidence) ? { evidence: input.evidence.map(clean) } : {}),
  ...(Array.isArray(input.addEvidence) ? { addEvidence: input.addEvidence.map(clean) } : {}),
});

const after = (record: LogRecord, id: string) =>
  record.change.effects.entities.find((e) => e.id === id)?.after ?? record.change.effects.relations.find((r) => r.id === id)?.after;

const removed = (record: LogRecord) =>
  [...record.change.effects.entities, ...record.change.effects.relations].filter((e) => !e.after).map((e) => e.id);

export const Mutation = {
  createEntity: (_: unknown, { input }: { input: Input }, context: Context) => {
    const { writer, by } = writing(context);
    const change = writer.commit(by, (kg, actor) => planCreateEntity(kg, draft(input) as { kind: Kind; name: string }, actor));
    return { change, entity: after(change, change.change.ids[0]!) };
  },
  updateEntity: (_: unknown, { id, input }: { id: string; input: Input }, context: Context) => {
    const { writer, by } = writing(context);
    const change = writer.commit(by, (kg) => planUpdateEntity(kg, id, draft(input)));
    return { change, entity: after(change, id) };
  },
  deleteEntity: (_: unknown, { id, cascade }: { id: string; cascade?: boolean | null }, context: Context) => {
    const { writer, by } = writing(context);
    const change = writer.commit(by, (kg) => planDeleteEntity(kg, id, cascade ?? false));
    return { change, deletedIds: removed(change) };
  },
  createRelation: (_: unknown, { input }: { input: Input }, context: Context) => {
    const { writer, by } = writing(context);
    const change = writer.commit(by, (kg, actor) => planCreateRelation(kg, draft(input) as { type: string; from: string; to: string }, actor));
    return { change, relation: after(change, change.change.ids[0]!) };
  },
  deleteRelation: (_: unknown, { id }: { id: string }, context: Context) => {
    const { writer, by } = writing(context);
    const change = writer.commit(by, (kg) => planDeleteRelation(kg, id));
    return { change, deletedIds: removed(change) };
  },
  mergeEntities: (_: unknown, { keep, merge }: { keep: string; merge: string }, context: Context) => {
    const { writer, by } = writing(context);
    const change = writer.commit(by, (kg) => planMergeEntities(kg, keep, merge));
    return { change, entity: after(change, keep), mergedId: merge };
  },
  unmergeEntity: (_: unknown, { id }: { id: string }, context: Context) => {
    const { writer, by } = writing(context);
    const change = writer.commit(by, (kg) => planUnmergeEntity(kg, id, writer.mergeOf(id)));
    return { change, entity: after(change, id), from: after(change, change.change.ids[1]!) };
  },
  ingestArticle: (_: unknown, { input, dryRun, minConfidence, idempotencyKey }: IngestArgs, context: Context) => {
    assertConfidence('ingestArticle', minConfidence);
    const commit = dryRun === false ? writing(context) : null;
    const proposal = proposeFacts(clean(input) as ArticleInput, {
      known: knownEntities(context.kg),
      minConfidence: minConfidence ?? 0,
    });
    const answer = {
      articleId: proposal.article.id,
      title: proposal.article.title,
      publishedOn: proposal.article.publishedOn,
      alreadyIngested: proposal.alreadyIngested ?? null,
      entities: proposal.entities,
      relations: proposal.relations,
      conflicts: proposal.conflicts,
      unresolved: proposal.unresolved,
      warnings: proposal.warnings,
      change: null as LogRecord | null,
    };
    const earlier = idempotencyKey ? context.writer?.findByKey(idempotencyKey) : null;
    if (!commit || (proposal.alreadyIngested && !earlier)) return answer;
    const change = commitArticle(commit.writer, commit.by, proposal, idempotencyKey ?? undefined);
    const committed = committedProposal(change);
    return {
      ...answer,
      articleId: committed.article.id,
      alreadyIngested: null,
      ...committed,
      warnings: change === earlier ? [`committed before, under this idempotency key, at revision ${change.revision}; nothing was written`] : answer.warnings,
      change,
    };
  },
};
