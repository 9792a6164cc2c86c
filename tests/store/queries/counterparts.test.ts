import { describe, expect, it } from 'vitest';
import { counterparts } from '../../../src/store/queries/counterparts.js';
import { countryOf } from '../../../src/store/queries/country-of.js';
import { seedGraph } from '../../seed-graph.js';
import { smallGraph } from '../small-graph.js';

const kg = smallGraph();

describe('counterparts', () => {
  it('are the agencies sharing an agreement or an event, by name, without the agency itself', () => {
    expect(counterparts(kg, 'police-agency:a').map((e) => e.id)).toEqual(['police-agency:c', 'police-agency:b']);
  });

  it('keep to another country with foreignOnly', () => {
    expect(counterparts(kg, 'police-agency:a', { foreignOnly: true }).map((e) => e.id)).toEqual(['police-agency:b']);
  });

  it('of Dien Bien in the seed graph are the Pu’er police', () => {
    expect(counterparts(seedGraph(), 'police-agency:dien-bien-provincial-police-department').map((e) => e.id)).toEqual([
      'police-agency:puer-municipal-police-department',
    ]);
  });
});

describe('countryOf', () => {
  it('follows jurisdiction and LOCATED_IN, positions, and nationality', () => {
    expect(countryOf(kg, 'police-agency:b')?.id).toBe('country:cn');
    expect(countryOf(kg, 'person:p')?.id).toBe('country:vn');
    expect(countryOf(kg, 'person:q')?.id).toBe('country:cn');
    expect(countryOf(kg, 'agreement:m')).toBeNull();
  });
});
