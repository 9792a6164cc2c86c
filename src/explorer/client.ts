// The explorer's only way to the data: the public GraphQL API, with the
// operations in ./operations (the same documents another app would send).

import searchDocument from './operations/search.graphql';
import neighborhoodDocument from './operations/neighborhood.graphql';
import pathDocument from './operations/shortest-path.graphql';
import entityDocument from './operations/entity.graphql';
import relationDocument from './operations/relation.graphql';
import mousDocument from './operations/mous.graphql';

export interface EntityRef {
  id: string;
  kind: string;
  name: string;
}

export interface DrawnEntity extends EntityRef {
  stated: boolean;
}

export interface DrawnRelation {
  id: string;
  type: string;
  stated: boolean;
  from: { id: string };
  to: { id: string };
}

export interface Subgraph {
  nodes: DrawnEntity[];
  relations: DrawnRelation[];
  truncated?: boolean;
}

export interface Quote {
  quote: string;
  article: { id: string; title: string; publishedOn: string; url: string | null };
}

interface Fact {
  stated: boolean;
  inference: string | null;
  evidence: Quote[];
}

export interface ConflictNote {
  id: string;
  property: string;
  note: string | null;
}

export interface RelationDetails extends Fact {
  id: string;
  type: string;
  confidence?: number | null;
  properties: Record<string, unknown> | null;
  assertedBy?: { by: string; at: string } | null;
  from: EntityRef;
  to: EntityRef;
  conflicts?: ConflictNote[];
}

/** A relation as the entity panel lists it: without its evidence. */
export type ListedRelation = Omit<RelationDetails, 'evidence'>;

export interface EntityDetails extends EntityRef, Fact {
  aliases: string[];
  confidence: number | null;
  attributes: Record<string, unknown>;
  assertedBy: { by: string; at: string } | null;
  relations: ListedRelation[];
  conflicts: ConflictNote[];
}

export interface MoU {
  id: string;
  name: string;
  ordinal: number | null;
  signedOn: string | null;
  parties: { id: string; name: string }[];
  signatories: { person: { id: string; name: string }; onBehalfOf: { id: string; name: string } | null; stated: boolean; inference: string | null }[];
  signedAt: { id: string; name: string; startDate: string | null } | null;
}

export interface SearchHit {
  match: string;
  entity: EntityRef;
}

/** A GraphQL error the server answered with, keeping its `extensions.code`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface NeighborhoodOptions {
  depth: number;
  types?: string[] | null;
  kinds?: string[] | null;
  limit?: number;
}

/** A client for one GraphQL endpoint (`/graphql` beside the page by default). */
export class Api {
  constructor(private readonly endpoint = new URL('/graphql', location.href).href) {}

  async request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError(`cannot reach ${this.endpoint}`, 'NETWORK_ERROR');
    }
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const error = body?.errors?.[0];
    if (error) throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (!body?.data) throw new ApiError(`the server answered ${response.status} without data`, 'BAD_RESPONSE');
    return body.data;
  }

  async search(query: string): Promise<SearchHit[]> {
    return (await this.request<{ searchHits: SearchHit[] }>(searchDocument, { query })).searchHits;
  }

  async neighborhood(id: string, { depth, types = null, kinds = null, limit = 300 }: NeighborhoodOptions): Promise<Subgraph> {
    const variables = { id, depth, types: types?.length ? types : null, kinds: kinds?.length ? kinds : null, limit };
    return (await this.request<{ neighborhood: Subgraph }>(neighborhoodDocument, variables)).neighborhood;
  }

  /** The shortest path, or null when the two are not connected. */
  async shortestPath(from: string, to: string): Promise<(Subgraph & { length: number }) | null> {
    return (await this.request<{ shortestPath: (Subgraph & { length: number }) | null }>(pathDocument, { from, to })).shortestPath;
  }

  async entity(id: string): Promise<EntityDetails> {
    return (await this.request<{ node: EntityDetails }>(entityDocument, { id })).node;
  }

  async relation(id: string): Promise<RelationDetails> {
    return (await this.request<{ relation: RelationDetails }>(relationDocument, { id })).relation;
  }

  /** Every MoU, following the pages. */
  async mous(): Promise<MoU[]> {
    const all: MoU[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = { agreements: { nodes: MoU[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const { agreements }: Page = await this.request<Page>(mousDocument, { after });
      all.push(...agreements.nodes);
      if (!agreements.pageInfo.hasNextPage) return all;
      after = agreements.pageInfo.endCursor;
    }
  }
}
