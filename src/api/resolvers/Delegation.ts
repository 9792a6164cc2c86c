// A LED_DELEGATION relation seen as a delegation.

import { endOf, property } from './shared.js';

export const Delegation = { leader: endOf('from'), event: endOf('to'), side: property('side') };
