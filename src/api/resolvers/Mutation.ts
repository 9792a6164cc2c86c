// Writes: for now only the dry run of reading an article.

import { ForbiddenError } from '../../errors.js';
import { knownEntities } from '../../extract/known-entities.js';
import { proposeFacts } from '../../extract/propose.js';
import { assertConfidence } from '../confidence.js';
import type { Context } from '../context.js';

interface IngestArgs {
  input: { text: string; title?: string | null; url?: string | null; publishedOn?: string | null };
  dryRun?: boolean | null;
  minConfidence?: number | null;
}

export const Mutation = {
  ingestArticle: (_: unknown, { input, dryRun, minConfidence }: IngestArgs, { kg }: Context) => {
    if (dryRun === false) {
      throw new ForbiddenError('ingestArticle: committing (dryRun: false) needs authenticated writes, which this server does not offer yet; run coopgraph ingest');
    }
    assertConfidence('ingestArticle', minConfidence);
    const proposal = proposeFacts(
      {
        text: input.text,
        ...(input.title ? { title: input.title } : {}),
        ...(input.url ? { url: input.url } : {}),
        ...(input.publishedOn ? { publishedOn: input.publishedOn } : {}),
      },
      { known: knownEntities(kg), minConfidence: minConfidence ?? 0 },
    );
    return {
      articleId: proposal.article.id,
      title: proposal.article.title,
      publishedOn: proposal.article.publishedOn,
      alreadyIngested: proposal.alreadyIngested ?? null,
      entities: proposal.entities,
      relations: proposal.relations,
      conflicts: proposal.conflicts,
      unresolved: proposal.unresolved,
      warnings: proposal.warnings,
    };
  },
};
