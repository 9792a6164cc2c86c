// Name matching and readable ids (ONTOLOGY.md "Names and identity").

import { KINDS, type Kind } from './ontology.js';

const APOSTROPHES = /['’‘`´ʼ]/g;
const PLAIN = /^[\x20-\x7e]*$/;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/**
 * The key two names match on: case, diacritics, punctuation and the kind of
 * apostrophe are ignored (`Pu’er` = `Pu'er` = `Puer`, `Điện Biên` = `Dien Bien`).
 */
export function normalizeName(name: string): string {
  // most names are plain ASCII: no diacritics to take off
  if (PLAIN.test(name)) return name.toLowerCase().replace(APOSTROPHES, '').replace(NOT_ALPHANUMERIC, ' ').trim();
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A readable id part: `Lang Son Provincial Police Department` → `lang-son-provincial-police-department`. */
export function slugify(name: string): string {
  return normalizeName(name).replace(/ /g, '-');
}

/** `police-agency:lang-son-provincial-police-department` for a kind and a name. */
export function entityId(kind: Kind, name: string): string {
  return `${KINDS[kind].idPrefix}:${slugify(name)}`;
}

/** Relation ids are derived from their ends: `SIGNED:person:a->agreement:b`. */
export function relationId(type: string, from: string, to: string): string {
  return `${type}:${from}->${to}`;
}

/** `PoliceAgency` → `POLICE_AGENCY` (the GraphQL EntityKind enum value). */
export function kindToEnum(kind: Kind): string {
  return kind.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}
