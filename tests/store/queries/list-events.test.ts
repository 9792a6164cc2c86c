// listEvents(): events matching every given criterion, by id; a date range
// keeps the events whose [start, end] overlaps it.
//
//   event:e1  MEETING     2019-04-25 .. 2019-04-28   participants a, b   addresses drugs   in area:x
//   event:e2  CONFERENCE  2019-05 (no end)           participant b       addresses fraud   in area:y
//   event:e3  VISIT       undated                    participant a                         in area:x
//   event:e4  MEETING     2018-12-30 .. 2019-01-02   participant c

import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { listEvents, type EventFilter } from '../../../src/store/queries/list-events.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';
import { thrown } from '../thrown.js';

const kg = graphOf(
  [
    entity('event:e3', 'Event', 'Visit', { eventType: 'VISIT' }),
    entity('event:e1', 'Event', 'Border meeting', { eventType: 'MEETING', startDate: '2019-04-25', endDate: '2019-04-28' }),
    entity('event:e2', 'Event', 'Conference', { eventType: 'CONFERENCE', startDate: '2019-05' }),
    entity('event:e4', 'Event', 'New year meeting', { eventType: 'MEETING', startDate: '2018-12-30', endDate: '2019-01-02' }),
    entity('police-agency:a', 'PoliceAgency', 'Agency A'),
    entity('police-agency:b', 'PoliceAgency', 'Agency B'),
    entity('police-agency:c', 'PoliceAgency', 'Agency C'),
    entity('area:x', 'Area', 'Dien Bien Phu'),
    entity('area:y', 'Area', 'Pu’er'),
    entity('crime-category:drugs', 'CrimeCategory', 'drug trafficking', { slug: 'drug-trafficking' }),
    entity('crime-category:fraud', 'CrimeCategory', 'trans-border fraud', { slug: 'trans-border-fraud' }),
  ],
  [
    relation('PARTICIPATED_IN', 'police-agency:a', 'event:e3'),
    relation('PARTICIPATED_IN', 'police-agency:a', 'event:e1', { role: 'HOST' }),
    relation('PARTICIPATED_IN', 'police-agency:b', 'event:e2'),
    relation('PARTICIPATED_IN', 'police-agency:b', 'event:e1', { role: 'GUEST' }),
    relation('PARTICIPATED_IN', 'police-agency:c', 'event:e4'),
    relation('ADDRESSES', 'event:e1', 'crime-category:drugs'),
    relation('ADDRESSES', 'event:e2', 'crime-category:fraud'),
    relation('LOCATED_IN', 'event:e3', 'area:x'),
    relation('LOCATED_IN', 'event:e1', 'area:x'),
    relation('LOCATED_IN', 'event:e2', 'area:y'),
  ],
);

const list = (filter?: EventFilter) => listEvents(kg, filter).map((e) => e.id.replace('event:', ''));

describe('listEvents: one criterion at a time', () => {
  it('without a filter lists every event by id', () => {
    expect(list()).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('filters by event type', () => {
    expect(list({ eventType: 'MEETING' })).toEqual(['e1', 'e4']);
    expect(list({ eventType: 'CONFERENCE' })).toEqual(['e2']);
    expect(list({ eventType: 'OTHER' })).toEqual([]);
  });

  it('filters by a participant, sorted by id', () => {
    expect(list({ participant: 'police-agency:a' })).toEqual(['e1', 'e3']);
    expect(list({ participant: 'police-agency:b' })).toEqual(['e1', 'e2']);
    expect(list({ participant: 'police-agency:c' })).toEqual(['e4']);
  });

  it('filters by the crime category addressed', () => {
    expect(list({ addresses: 'crime-category:drugs' })).toEqual(['e1']);
    expect(list({ addresses: 'crime-category:fraud' })).toEqual(['e2']);
  });

  it('filters by the area it took place in', () => {
    expect(list({ location: 'area:x' })).toEqual(['e1', 'e3']);
    expect(list({ location: 'area:y' })).toEqual(['e2']);
  });
});

describe('listEvents: dates', () => {
  it('keeps an event still going on at `from`', () => {
    expect(list({ from: '2019-04-28' })).toEqual(['e1', 'e2']);
    expect(list({ from: '2019-04-29' })).toEqual(['e2']);
  });

  it('keeps an event already begun by `to`', () => {
    expect(list({ to: '2019-04-25' })).toEqual(['e1', 'e4']);
    expect(list({ to: '2019-04-24' })).toEqual(['e4']);
  });

  it('keeps an event spanning the whole range', () => {
    expect(list({ from: '2019-01-01', to: '2019-01-01' })).toEqual(['e4']);
    expect(list({ from: '2019-04-26', to: '2019-04-27' })).toEqual(['e1']);
  });

  it('takes a start of month precision, without an end, as the whole month', () => {
    expect(list({ from: '2019-05-15', to: '2019-05-16' })).toEqual(['e2']);
    expect(list({ from: '2019-05-31' })).toEqual(['e2']);
    expect(list({ from: '2019-06-01' })).toEqual([]);
  });

  it('compares bounds of year and month precision by the whole period', () => {
    expect(list({ from: '2019', to: '2019' })).toEqual(['e1', 'e2', 'e4']);
    expect(list({ from: '2018', to: '2018' })).toEqual(['e4']);
    expect(list({ from: '2019-04', to: '2019-04' })).toEqual(['e1']);
    expect(list({ from: '2019-02', to: '2019-03' })).toEqual([]);
  });

  it('drops undated events once a date is asked', () => {
    expect(list({ from: '1900' })).toEqual(['e1', 'e2', 'e4']);
    expect(list({ to: '2100' })).toEqual(['e1', 'e2', 'e4']);
  });
});

describe('listEvents: criteria combined', () => {
  it('keeps the events meeting every criterion', () => {
    expect(list({ participant: 'police-agency:b', eventType: 'CONFERENCE' })).toEqual(['e2']);
    expect(list({ location: 'area:x', from: '2019' })).toEqual(['e1']);
    expect(list({ participant: 'police-agency:a', location: 'area:x', eventType: 'VISIT' })).toEqual(['e3']);
    expect(list({ participant: 'police-agency:b', addresses: 'crime-category:drugs', location: 'area:x' })).toEqual(['e1']);
    expect(list({ participant: 'police-agency:b', location: 'area:y', to: '2019-04-30' })).toEqual([]);
    expect(list({ participant: 'police-agency:c', location: 'area:x' })).toEqual([]);
  });
});

describe('listEvents: unknown ids', () => {
  it.each([
    [{ participant: 'police-agency:x' }, 'police-agency:x'],
    [{ addresses: 'crime-category:x' }, 'crime-category:x'],
    [{ location: 'area:z' }, 'area:z'],
  ] as [EventFilter, string][])('%j throws a NOT_FOUND NotFoundError', (filter, id) => {
    const error = thrown(() => listEvents(kg, filter));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(new RegExp(`^events: no entity has the id "${id}"`));
  });
});

describe('listEvents on the seed graph', () => {
  const seed = seedGraph();
  it('finds the conferences and meetings by participant and date', () => {
    const ids = (filter: EventFilter) => listEvents(seed, filter).map((e) => e.id);
    expect(ids({ participant: 'police-agency:puer-municipal-police-department' })).toEqual(['event:dien-bien-puer-meeting-2019-05']);
    expect(ids({ from: '2019-04-28', to: '2019-05-01' })).toEqual([
      'event:dien-bien-puer-meeting-2019-05',
      'event:law-enforcement-cooperation-conference-3',
    ]);
    expect(ids({ eventType: 'CONFERENCE', from: '2019' })).toEqual(['event:law-enforcement-cooperation-conference-3']);
  });
});
