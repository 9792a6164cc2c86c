// How the explorer draws each kind and relation type. The lists come from the
// ontology, so a kind added there fails the type check here until it has a style.

import { KIND_NAMES, RELATION_TYPE_NAMES, type Kind } from '../ontology/ontology.js';
import { kindToEnum } from '../ontology/names.js';

interface KindStyle {
  label: string;
  color: string;
  /** an SVG path in a 24×24 box, drawn white on the kind's colour */
  icon: string;
  size: number;
}

const STYLES: Record<Kind, KindStyle> = {
  Country: { label: 'Country', color: '#6b7280', size: 9, icon: 'M5 3v18h2v-7h11l-2-4 2-4H7V3z' },
  Area: { label: 'Area', color: '#0f766e', size: 7, icon: 'M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z' },
  PoliceAgency: { label: 'Police agency', color: '#1d4ed8', size: 10, icon: 'M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5z' },
  Person: { label: 'Person', color: '#b45309', size: 8, icon: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4 0-8 2-8 5v2h16v-2c0-3-4-5-8-5z' },
  Agreement: { label: 'Agreement', color: '#7c3aed', size: 9, icon: 'M6 2h9l5 5v15H6zm8 1.5V8h4.5zM8 12h8v1.5H8zm0 3h8v1.5H8zm0 3h5v1.5H8z' },
  Event: { label: 'Event', color: '#be123c', size: 8, icon: 'M7 2v2H4v18h16V4h-3V2h-2v2H9V2zM6 9h12v11H6z' },
  CrimeCategory: { label: 'Crime category', color: '#dc2626', size: 7, icon: 'M12 2 1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z' },
  Outcome: { label: 'Outcome', color: '#15803d', size: 6, icon: 'M4 20h16v2H4zm1-8h3v7H5zm5-5h3v12h-3zm5 3h3v9h-3z' },
  Article: { label: 'Article', color: '#475569', size: 6, icon: 'M3 4h15v16H5a2 2 0 0 1-2-2zm16 4h2v10a2 2 0 0 1-2 2zM6 7v4h5V7zm7 0v1.5h3V7zm0 3v1.5h3V10zm-7 4v1.5h10V14zm0 3v1.5h10V17z' },
};

/** The API's EntityKind values (`POLICE_AGENCY`), each with its style. */
export const KIND_STYLES: ReadonlyMap<string, KindStyle> = new Map(KIND_NAMES.map((kind) => [kindToEnum(kind), STYLES[kind]]));

export const RELATION_TYPES: readonly string[] = RELATION_TYPE_NAMES;

const FALLBACK: KindStyle = { label: 'Entity', color: '#9ca3af', size: 6, icon: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16z' };

export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES.get(kind) ?? FALLBACK;
}

const icons = new Map<string, string>();

/** The kind's pictogram as a data URL (the page works offline: no icon is fetched). */
export function kindIcon(kind: string): string {
  let url = icons.get(kind);
  if (!url) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="96" height="96"><path fill="#fff" d="${kindStyle(kind).icon}"/></svg>`;
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    icons.set(kind, url);
  }
  return url;
}

/** `HOLDS_POSITION` → `holds position`, the label an edge carries. */
export function relationLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

export const EDGE_COLOR = '#94a3b8';
export const PATH_COLOR = '#f59e0b';
