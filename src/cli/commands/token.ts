// coopgraph token: a new bearer token, and the line that configures it.

import { ROLES, newToken, tokenLine, type Role } from '../../http/tokens.js';
import { UsageError, type Command } from '../usage.js';

export const token: Command = {
  summary: 'make a bearer token for writes',
  usage: `coopgraph token NAME --role editor|admin

Prints a new token (give it to the client, once: it is not kept) and the
line to add to COOPGRAPH_TOKENS (comma-separated) or to the file named by
COOPGRAPH_TOKENS_FILE, which holds only the token's SHA-256. NAME is recorded
as the author of every change made with the token. An editor may write
facts; an admin may also delete and merge.`,
  options: { role: { type: 'string' } },
  async run(args, io) {
    const [name, ...extra] = args.positionals;
    if (!name || extra.length) throw new UsageError('give one NAME');
    if (!/^[\w.@-]{1,64}$/.test(name)) throw new UsageError(`the name "${name}" may hold letters, digits and . _ @ - only`);
    const role = args.values.role;
    if (!(ROLES as readonly unknown[]).includes(role)) throw new UsageError(`--role: expected ${ROLES.join(' or ')}${role === undefined ? '' : `, not "${String(role)}"`}`);
    const secret = newToken();
    io.stdout(`token: ${secret}\nconfiguration line: ${tokenLine(name, role as Role, secret)}\n`);
    return 0;
  },
};
