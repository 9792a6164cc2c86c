// A quote: the article it comes from.

import type { Evidence as EvidenceRecord } from '../../ontology/index.js';
import type { Context } from '../context.js';

export const Evidence = {
  article: (ev: EvidenceRecord, _: unknown, { kg }: Context) => kg.getEntity(ev.article),
};
