// Every resolver map, one file per GraphQL type.

import { Agreement } from './Agreement.js';
import { Area } from './Area.js';
import { Article } from './Article.js';
import { Change } from './Change.js';
import { Conflict } from './Conflict.js';
import { Country } from './Country.js';
import { CrimeCategory } from './CrimeCategory.js';
import { Delegation } from './Delegation.js';
import { Entity } from './Entity.js';
import { Event } from './Event.js';
import { Evidence } from './Evidence.js';
import { Mutation } from './Mutation.js';
import { Outcome } from './Outcome.js';
import { Participation } from './Participation.js';
import { Person } from './Person.js';
import { PoliceAgency } from './PoliceAgency.js';
import { Position } from './Position.js';
import { ProposedEvidence } from './ProposedEvidence.js';
import { Query } from './Query.js';
import { Relation } from './Relation.js';
import { Signature } from './Signature.js';
import { Subscription } from './Subscription.js';

export const resolvers = {
  Agreement, Area, Article, Change, Conflict, Country, CrimeCategory, Delegation, Entity, Event, Evidence,
  Mutation, Outcome, Participation, Person, PoliceAgency, Position, ProposedEvidence, Query, Relation, Signature, Subscription,
};
