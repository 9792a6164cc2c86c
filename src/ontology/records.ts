// The records every layer shares: what the loader produces, the store holds
// and the exports write (CONTRACT.md "Export format").

import type { Kind, RelationType } from './ontology.js';

/** A quote from an article that supports a fact, with its place in the text. */
export interface Evidence {
  /** id of an Article entity */
  article: string;
  /** verbatim substring of the article's text */
  quote: string;
  /** offset of the quote's first character in the article's text */
  start: number;
  /** offset just past the quote's last character */
  end: number;
}

/** What every fact carries: whether the text states it, and where. */
export interface Fact {
  id: string;
  stated: boolean;
  /** why an inferred (stated: false) fact is believed */
  inference?: string;
  /** how sure the extraction rule that proposed it was, 0..1; absent for curated facts */
  confidence?: number;
  evidence: Evidence[];
  /** who entered the fact by hand through the API, and when; such a fact may go without evidence */
  assertedBy?: Assertion;
}

/** A curator's or an app's name for a fact it entered, and the time it did. */
export interface Assertion {
  by: string;
  /** ISO 8601 date and time */
  at: string;
}

export interface EntityRecord extends Fact {
  kind: Kind;
  name: string;
  aliases: string[];
  attributes: Record<string, unknown>;
}

export interface RelationRecord extends Fact {
  type: RelationType;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

/** One of the disagreeing values of a conflict, with the evidence for it. */
export interface Claim {
  value: string;
  evidence: Evidence[];
}

/** Where sources disagree: every claim is kept, none is chosen. */
export interface ConflictRecord {
  id: string;
  /** ids of the entities or relations the disagreement is about */
  about: string[];
  /** what is disputed: an attribute name or a phrase ("number of Vietnamese provinces") */
  property: string;
  note?: string;
  claims: Claim[];
}

/** The whole graph as plain records. */
export interface GraphData {
  entities: EntityRecord[];
  relations: RelationRecord[];
  conflicts: ConflictRecord[];
}
