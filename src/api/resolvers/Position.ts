// A HOLDS_POSITION relation seen as a post.

import { endOf, property } from './shared.js';

export const Position = { person: endOf('from'), agency: endOf('to'), title: property('title'), rank: property('rank') };
