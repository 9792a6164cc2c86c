// Evidence of a proposed fact: its article may not be in the graph yet, so only its id.

import type { ProposedEvidence as ProposedEvidenceRecord } from '../../extract/propose.js';

export const ProposedEvidence = {
  articleId: (ev: ProposedEvidenceRecord) => ev.article,
};
