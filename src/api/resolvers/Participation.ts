// A PARTICIPATED_IN relation seen as an agency's part in an event.

import { endOf, property } from './shared.js';

export const Participation = { agency: endOf('from'), event: endOf('to'), role: property('role') };
