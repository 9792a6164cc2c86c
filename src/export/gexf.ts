// GEXF 1.3 (gexf.net), Gephi's own format. Streamed element by element:
// graphology-gexf's writer builds the whole document as one string, which a
// million facts would not fit; its parser reads this back (tests/export).

import type { GraphRecords } from './records.js';
import { EDGE_COLUMNS, NODE_COLUMNS, type Column, type ColumnType } from './columns.js';
import { xml } from './xml.js';

const TYPES: Record<ColumnType, string> = { string: 'string', boolean: 'boolean', int: 'integer', double: 'double' };

function declarations<R>(domain: 'node' | 'edge', columns: Column<R>[]): string {
  const lines = columns.map((c) => `      <attribute id="${c.name}" title="${c.name}" type="${TYPES[c.type]}"/>\n`).join('');
  return `    <attributes class="${domain}">\n${lines}    </attributes>\n`;
}

function values<R>(record: R, columns: Column<R>[]): string {
  let out = '';
  for (const column of columns) {
    const value = column.value(record);
    if (value !== undefined) out += `<attvalue for="${column.name}" value="${xml(value)}"/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : '';
}

export function* writeGexf(g: GraphRecords): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield '  <meta><creator>coopgraph</creator><description>Law-enforcement cooperation between police forces, every fact with its evidence</description></meta>\n';
  yield '  <graph defaultedgetype="directed" mode="static">\n';
  yield declarations('node', NODE_COLUMNS);
  yield declarations('edge', EDGE_COLUMNS);
  yield '    <nodes>\n';
  for (const e of g.entities) yield `      <node id="${xml(e.id)}" label="${xml(e.name)}">${values(e, NODE_COLUMNS)}</node>\n`;
  yield '    </nodes>\n    <edges>\n';
  for (const r of g.relations) {
    yield `      <edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}" label="${xml(r.type)}">${values(r, EDGE_COLUMNS)}</edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
