// The entry points: each resolver validates nothing itself, it calls one
// store query (which checks its arguments and throws coded errors).

import { NotFoundError } from '../../errors.js';
import type { Kind, RelationType } from '../../ontology/index.js';
import type { Direction } from '../../store/knowledge-graph.js';
import { listAgencies, type AgencyFilter } from '../../store/queries/list-agencies.js';
import { listAgreements, type AgreementFilter } from '../../store/queries/list-agreements.js';
import { listEvents, type EventFilter } from '../../store/queries/list-events.js';
import { listPeople, type PersonFilter } from '../../store/queries/list-people.js';
import { neighborhood } from '../../store/queries/neighborhood.js';
import { searchEntities } from '../../store/queries/search.js';
import { findPaths } from '../../store/queries/simple-paths.js';
import { findShortestPath } from '../../store/queries/shortest-path.js';
import { graphStats } from '../../store/queries/stats.js';
import { changesSince } from '../../write/change-feed.js';
import { atLeast } from '../confidence.js';
import { toConnection, type PageArgs } from '../connection.js';
import type { Context } from '../context.js';
import { clean } from './shared.js';

type Maybe<T> = T | null | undefined;
/** GraphQL passes explicit nulls; the store takes undefined for "not given". */
const given = <T>(value: Maybe<T>): T | undefined => value ?? undefined;

interface TraversalArgs {
  direction?: Maybe<Direction>;
  types?: Maybe<RelationType[]>;
}
interface SearchArgs {
  query: string;
  kinds?: Maybe<Kind[]>;
  first?: Maybe<number>;
}

const search = (args: SearchArgs, { kg }: Context) =>
  searchEntities(kg, args.query, { kinds: given(args.kinds), first: given(args.first) });

export const Query = {
  node: (_: unknown, args: { id: string }, { kg }: Context) => kg.getEntity(args.id, 'node'),
  relation: (_: unknown, args: { id: string }, { kg }: Context) => {
    const relation = kg.findRelation(args.id);
    if (!relation) throw new NotFoundError(`relation: no relation has the id "${args.id}"`);
    return relation;
  },
  search: (_: unknown, args: SearchArgs, context: Context) => search(args, context).map((hit) => hit.entity),
  searchHits: (_: unknown, args: SearchArgs, context: Context) =>
    search(args, context).map((hit) => ({ ...hit, score: Number.isFinite(hit.score) ? hit.score : null })),
  entities: (_: unknown, args: PageArgs & { kinds?: Maybe<Kind[]> }, { kg }: Context) =>
    toConnection('entities', kg.entities(given(args.kinds)), args),
  agreements: (_: unknown, args: PageArgs & { filter?: Maybe<AgreementFilter> }, { kg }: Context) =>
    toConnection('agreements', listAgreements(kg, clean(args.filter)), args),
  events: (_: unknown, args: PageArgs & { filter?: Maybe<EventFilter> }, { kg }: Context) =>
    toConnection('events', listEvents(kg, clean(args.filter)), args),
  people: (_: unknown, args: PageArgs & { filter?: Maybe<PersonFilter> }, { kg }: Context) =>
    toConnection('people', listPeople(kg, clean(args.filter)), args),
  agencies: (_: unknown, args: PageArgs & { filter?: Maybe<AgencyFilter> }, { kg }: Context) =>
    toConnection('agencies', listAgencies(kg, clean(args.filter)), args),
  relations: (
    _: unknown,
    args: PageArgs & { types?: Maybe<RelationType[]>; stated?: Maybe<boolean>; minConfidence?: Maybe<number> },
    { kg }: Context,
  ) => {
    const all = atLeast('relations', kg.relations(given(args.types)), args.minConfidence);
    return toConnection('relations', args.stated == null ? all : all.filter((r) => r.stated === args.stated), args);
  },
  neighborhood: (
    _: unknown,
    args: TraversalArgs & { id: string; depth?: Maybe<number>; kinds?: Maybe<Kind[]>; limit?: Maybe<number> },
    { kg, budget }: Context,
  ) =>
    neighborhood(kg, args.id, {
      budget,
      depth: given(args.depth),
      direction: given(args.direction),
      types: given(args.types),
      kinds: given(args.kinds),
      limit: given(args.limit),
    }),
  shortestPath: (_: unknown, args: TraversalArgs & { from: string; to: string }, { kg }: Context) =>
    findShortestPath(kg, args.from, args.to, { direction: given(args.direction), types: given(args.types) }),
  paths: (
    _: unknown,
    args: TraversalArgs & { from: string; to: string; maxLength?: Maybe<number>; first?: Maybe<number> },
    { kg, budget }: Context,
  ) =>
    findPaths(kg, args.from, args.to, {
      budget,
      direction: given(args.direction),
      types: given(args.types),
      maxLength: given(args.maxLength),
      first: given(args.first),
    }),
  conflicts: (_: unknown, args: { about?: Maybe<string> }, { kg }: Context) => {
    if (args.about != null && !kg.hasEntity(args.about) && !kg.findRelation(args.about)) kg.getEntity(args.about, 'conflicts');
    return kg.conflicts(given(args.about));
  },
  changes: (_: unknown, args: { since: number; first?: Maybe<number> }, { history }: Context) => changesSince(history, args.since, given(args.first)),
  stats: (_: unknown, __: unknown, { kg }: Context) => graphStats(kg),
};
