// A test double for Neo4j, stated as such: it runs the statements
// writeCypher emits (CREATE CONSTRAINT, UNWIND … MERGE node, UNWIND … MATCH
// … MERGE relationship), with MERGE's semantics on ids, and refuses any
// other statement. It parses Cypher literals fully (maps, lists, strings
// with escapes, numbers, booleans, null), so a malformed literal fails here.

export interface StoredNode {
  labels: Set<string>;
  props: Record<string, unknown>;
}

export interface StoredRelationship {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export class CypherDouble {
  readonly nodes = new Map<string, StoredNode>();
  readonly relationships = new Map<string, StoredRelationship>();
  readonly statements: string[] = [];
  constraints = 0;

  run(script: string): void {
    for (const statement of splitStatements(script)) {
      this.statements.push(statement);
      this.execute(statement);
    }
  }

  private execute(statement: string): void {
    if (/^CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:Entity\) REQUIRE n\.id IS UNIQUE$/.test(statement)) {
      this.constraints++;
      return;
    }
    const node = /^UNWIND (.+) AS row MERGE \(n:Entity \{id: row\.id\}\) SET n:(`[^`]+`|\w+), n = row\.props$/s.exec(statement);
    if (node) {
      for (const row of parseLiteral(node[1]!) as { id: string; props: Record<string, unknown> }[]) {
        const existing = this.nodes.get(row.id);
        const labels = existing?.labels ?? new Set(['Entity']);
        labels.add(node[2]!.replace(/`/g, ''));
        this.nodes.set(row.id, { labels, props: row.props });
      }
      return;
    }
    const rel = /^UNWIND (.+) AS row MATCH \(a:Entity \{id: row\.from\}\), \(b:Entity \{id: row\.to\}\) MERGE \(a\)-\[r:(`[^`]+`|\w+) \{id: row\.id\}\]->\(b\) SET r = row\.props$/s.exec(statement);
    if (rel) {
      for (const row of parseLiteral(rel[1]!) as { id: string; from: string; to: string; props: Record<string, unknown> }[]) {
        // MATCH finds nothing when an end is missing: the row is skipped, as Neo4j would
        if (!this.nodes.has(row.from) || !this.nodes.has(row.to)) continue;
        this.relationships.set(row.id, { type: rel[2]!.replace(/`/g, ''), from: row.from, to: row.to, props: row.props });
      }
      return;
    }
    throw new Error(`the double does not know this statement: ${statement.slice(0, 120)}`);
  }
}

/** Statements end with `;` at the end of a line; `//` lines are comments. */
function splitStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('//'))
    .map((line) => {
      if (!line.endsWith(';')) throw new Error(`a statement does not end with ";": ${line.slice(0, 80)}`);
      return line.slice(0, -1);
    });
}

/** A Cypher literal: map, list, string, number, boolean or null. */
export function parseLiteral(text: string): unknown {
  let i = 0;
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const expect = (c: string) => {
    space();
    if (text[i] !== c) throw new Error(`expected "${c}" at ${i}: ${text.slice(i, i + 30)}`);
    i++;
  };
  const value = (): unknown => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const map: Record<string, unknown> = {};
      space();
      if (text[i] === '}') return i++, map;
      for (;;) {
        space();
        let key: string;
        if (text[i] === '`') {
          const end = text.indexOf('`', i + 1);
          key = text.slice(i + 1, end);
          i = end + 1;
        } else {
          const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
          if (!m) throw new Error(`expected a key at ${i}`);
          key = m[0];
          i += key.length;
        }
        expect(':');
        map[key] = value();
        space();
        if (text[i] === ',') i++;
        else return expect('}'), map;
      }
    }
    if (c === '[') {
      i++;
      const list: unknown[] = [];
      space();
      if (text[i] === ']') return i++, list;
      for (;;) {
        list.push(value());
        space();
        if (text[i] === ',') i++;
        else return expect(']'), list;
      }
    }
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const s = JSON.parse(text.slice(i, end + 1)) as string;
      i = end + 1;
      return s;
    }
    const m = /^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)/.exec(text.slice(i));
    if (!m) throw new Error(`unexpected "${text.slice(i, i + 20)}" at ${i}`);
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  const result = value();
  space();
  if (i !== text.length) throw new Error(`trailing text at ${i}`);
  return result;
}
