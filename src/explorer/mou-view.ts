// "Who signed which MoU": every MoU with its parties, its signatories (stated
// or inferred, and why) and the event it was signed at.

import type { MoU } from './client.js';
import { h } from './dom.js';

export function renderMoUs(root: HTMLElement, mous: MoU[], open: (id: string) => void): void {
  const link = (entity: { id: string; name: string }) =>
    h('button', { type: 'button', class: 'link entity-link', 'data-id': entity.id, onclick: () => open(entity.id) }, entity.name);
  if (mous.length === 0) {
    root.replaceChildren(h('p', { class: 'hint' }, 'The graph holds no MoU.'));
    return;
  }
  const sorted = [...mous].sort((a, b) => (b.signedOn ?? '').localeCompare(a.signedOn ?? '') || a.name.localeCompare(b.name));
  root.replaceChildren(
    h(
      'table',
      { class: 'mous' },
      h('thead', {}, h('tr', {}, h('th', {}, 'MoU'), h('th', {}, 'Signed'), h('th', {}, 'Parties'), h('th', {}, 'Signatories'), h('th', {}, 'Event'))),
      h(
        'tbody',
        {},
        sorted.map((mou) =>
          h(
            'tr',
            { 'data-id': mou.id },
            h('td', {}, link(mou), mou.ordinal != null && h('span', { class: 'badge' }, `no. ${mou.ordinal}`)),
            h('td', {}, mou.signedOn ?? '—'),
            h('td', {}, h('ul', {}, mou.parties.map((party) => h('li', {}, link(party))))),
            h(
              'td',
              {},
              mou.signatories.length === 0
                ? h('span', { class: 'hint' }, 'not named')
                : h(
                    'ul',
                    {},
                    mou.signatories.map((s) =>
                      h(
                        'li',
                        { class: `signatory ${s.stated ? 'stated' : 'inferred'}` },
                        link(s.person),
                        s.onBehalfOf && h('span', { class: 'for' }, ' for ', link(s.onBehalfOf)),
                        ' ',
                        h('span', { class: `badge ${s.stated ? 'stated' : 'inferred'}`, title: s.inference ?? 'stated in the article' }, s.stated ? 'stated' : 'inferred'),
                        s.inference && h('p', { class: 'inference' }, s.inference),
                      ),
                    ),
                  ),
            ),
            h('td', {}, mou.signedAt ? [link(mou.signedAt), mou.signedAt.startDate ? h('div', { class: 'hint' }, mou.signedAt.startDate) : null] : '—'),
          ),
        ),
      ),
    ),
  );
}
