// Who may run what: the bearer token resolves to a user (see http/tokens),
// and @envelop/generic-auth checks schema.graphql's @authenticated and
// @requiresScopes directives before execution, so a refused operation runs
// no resolver at all. Missing or unknown token: UNAUTHENTICATED (401);
// a role without the scope: FORBIDDEN (403).

import { useGenericAuth, type ValidateUserFn } from '@envelop/generic-auth';
import type { OnExecuteEventPayload, Plugin } from '@envelop/core';
import { getOperationAST, GraphQLError } from 'graphql';
import { authenticate, ROLE_SCOPES, ROLES, type TokenEntry, type User } from '../http/tokens.js';

export interface AuthOptions {
  tokens: readonly TokenEntry[];
  /** every field needs a token, reads too (default: reads are open) */
  readsNeedToken?: boolean;
}

/** The roles that grant one of the scope sets. */
const rolesFor = (sets: string[][]) => ROLES.filter((role) => sets.some((set) => set.every((s) => ROLE_SCOPES[role].includes(s))));

export function useAuth({ tokens, readsNeedToken = false }: AuthOptions) {
  const validateUser: ValidateUserFn<User> = ({ user, fieldNode, path, typeAuthArgs, fieldAuthArgs, typeScopes, fieldScopes, userScopes }) => {
    const field = `${fieldNode.name.value}`;
    const scopeSets = [typeScopes, fieldScopes].filter((s): s is string[][] => Array.isArray(s) && s.length > 0);
    const needsToken = readsNeedToken || Boolean(typeAuthArgs || fieldAuthArgs) || scopeSets.length > 0;
    if (!needsToken) return;
    if (!user) {
      return new GraphQLError(`${field} needs a bearer token (Authorization: Bearer ...): none was given, or it is not one this server knows`, {
        nodes: [fieldNode],
        path,
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
      });
    }
    for (const sets of scopeSets) {
      if (sets.some((set) => set.every((scope) => userScopes.includes(scope)))) continue;
      return new GraphQLError(`${field} needs the role ${rolesFor(sets).join(' or ')}; the token "${user.name}" has the role ${user.role}`, {
        nodes: [fieldNode],
        path,
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    }
  };
  const auth = useGenericAuth<User, { request: Request }, 'user'>({
    mode: 'protect-granular',
    contextFieldName: 'user',
    resolveUserFn: ({ request }) => authenticate(tokens, request.headers.get('authorization')),
    extractScopes: (user) => user?.scope ?? [],
    validateUser,
  });
  if (readsNeedToken) return auth;
  // With reads open only Mutation carries the directives (schema.graphql; a test holds it), so
  // the walk over each operation that checks them is skipped for queries: it was a tenth of a read.
  return {
    ...auth,
    onPluginInit(payload: Parameters<NonNullable<typeof auth.onPluginInit>>[0]) {
      auth.onPluginInit?.({ ...payload, addPlugin: (plugin) => payload.addPlugin(forMutationsOnly(plugin as Plugin) as typeof plugin) });
    },
  };
}

/** The plugin with its onExecute hook run for mutations only. */
function forMutationsOnly<P extends Plugin>(plugin: P): P {
  const { onExecute } = plugin;
  if (!onExecute) return plugin;
  return {
    ...plugin,
    onExecute: (payload: OnExecuteEventPayload<Record<string, unknown>>) =>
      getOperationAST(payload.args.document, payload.args.operationName)?.operation === 'mutation' ? onExecute(payload) : undefined,
  };
}
