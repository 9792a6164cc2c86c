// A source article: its metadata, text, authors and publisher.

import { attributeFields, relatedVia } from './shared.js';

export const Article = {
  ...attributeFields('Article'),
  authors: relatedVia('AUTHORED', 'IN'),
  publishedBy: relatedVia('PUBLISHED', 'IN'),
};
