// A typeahead over `searchHits`: type, pick with the mouse or the arrow keys
// and Enter. Answers that arrive after a newer keystroke are dropped.

import type { Api, EntityRef, SearchHit } from './client.js';
import { h } from './dom.js';
import { kindStyle } from './style.js';

const DEBOUNCE_MS = 150;

export class SearchBox {
  private hits: SearchHit[] = [];
  private active = -1;
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly list: HTMLUListElement;
  /** the entity picked last, until the text is edited */
  chosen: EntityRef | null = null;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly api: Api,
    private readonly onChoose: (entity: EntityRef) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.list = h('ul', { class: 'hits', role: 'listbox', id: `${input.id}-hits`, hidden: true });
    input.after(this.list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', this.list.id);
    input.setAttribute('autocomplete', 'off');
    input.addEventListener('input', () => {
      this.chosen = null;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.ask(), DEBOUNCE_MS);
    });
    input.addEventListener('keydown', (event) => this.key(event));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  private async ask(): Promise<void> {
    const text = this.input.value.trim();
    const ticket = ++this.asked;
    if (text.length === 0) return this.close();
    try {
      const hits = await this.api.search(text);
      if (ticket !== this.asked) return;
      this.show(hits);
    } catch (error) {
      if (ticket === this.asked) this.onError(error);
    }
  }

  private show(hits: SearchHit[]): void {
    this.hits = hits;
    this.active = hits.length > 0 ? 0 : -1;
    this.list.replaceChildren(
      ...(hits.length === 0
        ? [h('li', { class: 'none' }, 'No entity by that name')]
        : hits.map((hit, i) =>
            h(
              'li',
              { role: 'option', 'data-id': hit.entity.id, id: `${this.list.id}-${i}`, onmousedown: (event: Event) => (event.preventDefault(), this.choose(i)) },
              h('span', { class: 'dot', style: `background:${kindStyle(hit.entity.kind).color}` }),
              hit.entity.name,
              h('span', { class: 'hint' }, ` ${kindStyle(hit.entity.kind).label}${hit.match === 'EXACT' ? '' : `, ${hit.match.toLowerCase()} match`}`),
            ),
          )),
    );
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.mark();
  }

  private key(event: KeyboardEvent): void {
    if (this.list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % Math.max(this.hits.length, 1);
      this.mark();
    } else if (event.key === 'Enter' && this.active >= 0) {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  private mark(): void {
    [...this.list.children].forEach((item, i) => item.setAttribute('aria-selected', String(i === this.active)));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
  }

  private choose(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.chosen = hit.entity;
    this.input.value = hit.entity.name;
    this.close();
    this.onChoose(hit.entity);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
