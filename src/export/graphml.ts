// GraphML (graphml.graphdrawing.org): Gephi, Cytoscape, yEd and networkx open
// it. Streamed element by element; graphology-graphml's parser reads it back
// (tests/export). graphology has no GraphML writer of its own.

import type { GraphRecords } from './records.js';
import { EDGE_COLUMNS, NODE_COLUMNS, type Column, type ColumnType } from './columns.js';
import { xml } from './xml.js';

const TYPES: Record<ColumnType, string> = { string: 'string', boolean: 'boolean', int: 'int', double: 'double' };

function keys<R>(domain: 'node' | 'edge', prefix: string, columns: Column<R>[]): string {
  return columns.map((c) => `  <key id="${prefix}${c.name}" for="${domain}" attr.name="${c.name}" attr.type="${TYPES[c.type]}"/>\n`).join('');
}

function data<R>(record: R, prefix: string, columns: Column<R>[]): string {
  let out = '';
  for (const column of columns) {
    const value = column.value(record);
    if (value !== undefined) out += `<data key="${prefix}${column.name}">${xml(value)}</data>`;
  }
  return out;
}

export function* writeGraphml(g: GraphRecords): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n';
  yield keys('node', 'n_', NODE_COLUMNS);
  yield '  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>\n';
  yield keys('edge', 'e_', EDGE_COLUMNS);
  yield '  <graph id="coopgraph" edgedefault="directed">\n';
  for (const e of g.entities) {
    yield `    <node id="${xml(e.id)}"><data key="label">${xml(e.name)}</data>${data(e, 'n_', NODE_COLUMNS)}</node>\n`;
  }
  for (const r of g.relations) {
    yield `    <edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}"><data key="e_label">${xml(r.type)}</data>${data(r, 'e_', EDGE_COLUMNS)}</edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
