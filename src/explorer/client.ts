// The explorer's only way to the data: the public GraphQL API, with the
// operations in ./operations (the same documents another app would send).

import searchDocument from './operations/search.graphql';
import neighborhoodDocument from './operations/neighborhood.graphql';
import pathDocument from './operations/shortest-path.graphql';
import entityDocument from './operations/entity.graphql';
import relationDocument from './operations/relation.graphql';
import mousDocument from './operations/mous.graphql';

import type {
  ExplorerEntityQuery,
  ExplorerMoUsQuery,
  ExplorerNeighborhoodQuery,
  ExplorerPathQuery,
  ExplorerRelationQuery,
  ExplorerSearchQuery,
} from '../client/graphql-types.js';

// the answers' types, generated from schema.graphql and ./operations (npm run codegen)
type Neighborhood = ExplorerNeighborhoodQuery['neighborhood'];
export type DrawnEntity = Neighborhood['nodes'][number];
export type DrawnRelation = Neighborhood['relations'][number];
/** What the graph draws: a neighbourhood or a path. */
export interface Subgraph {
  nodes: DrawnEntity[];
  relations: DrawnRelation[];
}
export type Path = NonNullable<ExplorerPathQuery['shortestPath']>;
export type EntityDetails = NonNullable<ExplorerEntityQuery['node']>;
/** A relation as the entity panel lists it: without its evidence. */
export type ListedRelation = EntityDetails['relations'][number];
export type RelationDetails = NonNullable<ExplorerRelationQuery['relation']>;
export type Quote = EntityDetails['evidence'][number];
export type ConflictNote = EntityDetails['conflicts'][number];
export type MoU = ExplorerMoUsQuery['agreements']['nodes'][number];
export type SearchHit = ExplorerSearchQuery['searchHits'][number];

/** Enough of an entity to name it and link to it. */
export interface EntityRef {
  id: string;
  kind: string;
  name: string;
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
    return (await this.request<ExplorerSearchQuery>(searchDocument, { query })).searchHits;
  }

  async neighborhood(id: string, { depth, types = null, kinds = null, limit = 300 }: NeighborhoodOptions): Promise<Neighborhood> {
    const variables = { id, depth, types: types?.length ? types : null, kinds: kinds?.length ? kinds : null, limit };
    return (await this.request<ExplorerNeighborhoodQuery>(neighborhoodDocument, variables)).neighborhood;
  }

  /** The shortest path, or null when the two are not connected. */
  async shortestPath(from: string, to: string): Promise<Path | null> {
    return (await this.request<ExplorerPathQuery>(pathDocument, { from, to })).shortestPath;
  }

  /** An entity (an unknown id is the API's NOT_FOUND error). */
  async entity(id: string): Promise<EntityDetails> {
    const { node } = await this.request<ExplorerEntityQuery>(entityDocument, { id });
    if (!node) throw new ApiError(`no entity ${id}`, 'NOT_FOUND');
    return node;
  }

  async relation(id: string): Promise<RelationDetails> {
    const { relation } = await this.request<ExplorerRelationQuery>(relationDocument, { id });
    if (!relation) throw new ApiError(`no relation ${id}`, 'NOT_FOUND');
    return relation;
  }

  /** Every MoU, following the pages. */
  async mous(): Promise<MoU[]> {
    const all: MoU[] = [];
    let after: string | null = null;
    for (;;) {
      const { agreements }: ExplorerMoUsQuery = await this.request<ExplorerMoUsQuery>(mousDocument, { after });
      all.push(...agreements.nodes);
      if (!agreements.pageInfo.hasNextPage) return all;
      after = agreements.pageInfo.endCursor;
    }
  }
}
