// Bearer tokens and their roles. Only a token's SHA-256 is kept (in the
// environment or a file); a presented token is hashed and compared with each
// in constant time. Tokens are 32 random bytes, so a fast hash suffices: a
// password hash's slowness guards guessable secrets, which these are not.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidArgumentError } from '../errors.js';

export const ROLES = ['editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do: the scopes of schema.graphql's @requiresScopes. */
export const ROLE_SCOPES: Record<Role, string[]> = { editor: ['write'], admin: ['write', 'admin'] };

/** One token as configured: a name (recorded as the author of its changes), a role and the token's hash. */
export interface TokenEntry {
  name: string;
  role: Role;
  sha256: Buffer;
}

/** Who a request's token says it is. */
export interface User {
  name: string;
  role: Role;
  scope: string[];
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** A new token: `cg_` and 43 characters of base64url. */
export const newToken = () => `cg_${randomBytes(32).toString('base64url')}`;

/** The configuration line of a token: `name:role:sha256hex`. */
export const tokenLine = (name: string, role: Role, token: string) => `${name}:${role}:${hashToken(token).toString('hex')}`;

/**
 * Reads token entries, one `name:role:sha256hex` per line or comma-separated
 * (blank lines and `#` comments skipped); every bad entry is reported at once.
 */
export function parseTokens(text: string, source: string): TokenEntry[] {
  const problems: string[] = [];
  const entries: TokenEntry[] = [];
  const names = new Set<string>();
  text.split(/[\n,]/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [name, role, hex, ...rest] = line.split(':');
    const where = `${source}: entry ${i + 1}`;
    if (rest.length || !name || !role || !hex) return problems.push(`${where}: expected name:role:sha256hex`);
    if (!/^[\w.@-]{1,64}$/.test(name)) return problems.push(`${where}: the name "${name}" may hold letters, digits and . _ @ - only`);
    if (!(ROLES as readonly string[]).includes(role)) return problems.push(`${where}: unknown role "${role}"; expected ${ROLES.join(' or ')}`);
    if (!/^[0-9a-f]{64}$/i.test(hex)) return problems.push(`${where}: expected the token's SHA-256 as 64 hex digits, not the token itself`);
    if (names.has(name)) return problems.push(`${where}: the name "${name}" is given twice`);
    names.add(name);
    entries.push({ name, role: role as Role, sha256: Buffer.from(hex, 'hex') });
  });
  if (problems.length) throw new InvalidArgumentError(problems.join('\n'));
  return entries;
}

/** The user an `Authorization` header names, or null (no header, not a bearer token, or an unknown token). */
export function authenticate(entries: readonly TokenEntry[], header: string | null): User | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const presented = hashToken(match[1]!);
  let found: TokenEntry | null = null;
  // every entry is compared, so the time taken says nothing about which one matched
  for (const entry of entries) if (timingSafeEqual(presented, entry.sha256) && !found) found = entry;
  return found && { name: found.name, role: found.role, scope: ROLE_SCOPES[found.role] };
}
