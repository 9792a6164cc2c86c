// The vocabulary of the graph: kinds, relation types, names, dates, records.

export * from './ontology.js';
export * from './names.js';
export * from './dates.js';
export * from './facts.js';
export type * from './records.js';
