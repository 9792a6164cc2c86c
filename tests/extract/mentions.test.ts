import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/extract/gazetteer.js';
import { MentionFinder, quantitiesOf } from '../../src/extract/mentions.js';

const finder = new MentionFinder(gazetteer());
const at = (text: string) => ({ start: 0, end: text.length, text });

describe('mentions', () => {
  it('reads an agency named by its place in several patterns', () => {
    const s = at('The Provincial Police Department of Vietnamese province Dien Bien and the Municipal Police Department of Pu’er city (Yunnan, China) met.');
    expect(finder.agencies(s).map((a) => [a.name, a.level, a.place?.country])).toEqual([
      ['Dien Bien Provincial Police Department', 'PROVINCIAL', 'VN'],
      ['Pu’er Municipal Police Department', 'MUNICIPAL', 'CN'],
    ]);
  });

  it('reads a list of provinces as their provincial police', () => {
    const s = at('the four provincial police departments of Lang Son, Quang Ninh, Cao Bang and Ha Giang attended');
    expect(finder.agencies(s).map((a) => a.name)).toEqual([
      'Lang Son Provincial Police Department',
      'Quang Ninh Provincial Police Department',
      'Cao Bang Provincial Police Department',
      'Ha Giang Provincial Police Department',
    ]);
  });

  it('reads a person with rank, name, title and agency in either order', () => {
    const first = at('Senior Colonel Vu Tien Dung, Vice Director of the Dien Bien Provincial Police Department led the delegation');
    const second = at('Vice Director of the Pu’er Municipal Police Department Ma Shuliang headed the Chinese delegation');
    const [dung] = finder.people(first, finder.agencies(first));
    const [ma] = finder.people(second, finder.agencies(second));
    expect(dung).toMatchObject({ name: 'Vu Tien Dung', rank: 'Senior Colonel', title: 'Vice Director', agency: { name: 'Dien Bien Provincial Police Department' } });
    expect(ma).toMatchObject({ name: 'Ma Shuliang', title: 'Vice Director', agency: { name: 'Pu’er Municipal Police Department' } });
    expect(ma!.rank).toBeUndefined();
  });

  it('does not take a title for part of a name', () => {
    const s = at('General Secretary To Lam received the delegation.');
    expect(finder.people(s, []).map((p) => p.name)).not.toContain('Secretary To Lam');
  });

  it('reads events with ordinals, names and bare plural talks', () => {
    const s = at('They attended the 3rd Law Enforcement Cooperation Conference and held talks.');
    expect(finder.events(s).map((e) => [e.ordinal, e.named, e.eventType, e.phrase])).toEqual([
      [3, 'Law Enforcement Cooperation Conference', 'CONFERENCE', '3rd Law Enforcement Cooperation Conference'],
      [undefined, undefined, 'MEETING', 'talks'],
    ]);
  });

  it('reads agreements with ordinals, topics, where they were signed, and mechanisms', () => {
    const s = at('They reviewed the 8th Memorandum of Understanding on cooperation between the two sides, the MoU signed in the 2nd Conference and the mechanism of law enforcement cooperation called “1 + 5”.');
    expect(finder.agreements(s).map((a) => [a.agreementType, a.ordinal, a.topic, a.signedAtOrdinal, a.quotedName])).toEqual([
      ['MOU', 8, 'cooperation', undefined, undefined],
      ['MOU', undefined, undefined, 2, undefined],
      ['MECHANISM', undefined, 'law enforcement cooperation', undefined, '1 + 5'],
    ]);
  });

  it('does not take "agreements and regulations" for an agreement outside a signing', () => {
    expect(finder.agreements(at('to do business in accordance with the agreements and regulations'))).toEqual([]);
  });

  it('reads outcomes with digits and number words', () => {
    const s = at('the police discovered and transferred 10 cases involving 44 Chinese citizens; handled nine violations of border management regulations; arrested thirty-two suspects.');
    expect(finder.outcomes(s).map((o) => [o.action, o.quantities])).toEqual([
      ['discovered and transferred', [{ value: 10, unit: 'cases' }, { value: 44, unit: 'persons' }]],
      ['handled', [{ value: 9, unit: 'violations' }]],
      ['arrested', [{ value: 32, unit: 'persons' }]],
    ]);
  });

  it('counts "a complex gambling hub" as one', () => {
    expect(quantitiesOf('a complex gambling hub organized by')).toEqual([{ value: 1, unit: 'hubs' }]);
  });

  it('finds crime categories through their synonyms, plural or glued to the next word', () => {
    const s = at('preventing drug-related crimes and trans-border frauds, hi-tech crimeand cyber crime, fake money');
    expect(finder.crimes(s).map((c) => c.value)).toEqual(['drug-trafficking', 'trans-border-fraud', 'high-tech-crime', 'cyber-crime', 'counterfeit-money']);
  });

  it('does not read "Lao" in "Lao Cai" as Laos', () => {
    expect(finder.countries(at('the Lao Cai Provincial Police')).map((c) => c.value.country.code)).toEqual([]);
  });
});
