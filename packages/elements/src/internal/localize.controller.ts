import type { Locale } from '@clientela/core';
import { loadLocale } from '@clientela/core/i18n';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { translator, type Messages, type Translate } from './localize.js';

/** An element's message table and how to load its other languages (what `lazyMessages` returns). */
export interface MessageCatalog<K extends string> {
  messages: Messages<K>;
  loadMessages: (locale: Locale) => Promise<void>;
}

/** What the controller needs of its element: the locale it speaks (see `ClientelaElement`). */
export interface LocalizedHost extends ReactiveControllerHost {
  readonly resolvedLocale: Locale;
}

/**
 * The one localization controller every element uses. On each update it resolves the element's
 * locale (its `locale` or `lang`, else the nearest `[lang]`, else `pt-BR`), keeps the translator
 * for it (one per locale and table, shared by every element of the kind), and when the locale's
 * messages are not here yet loads them once (pt-BR is bundled; `en` and `es` are fetched on first
 * use, together with core's field messages of that language) and updates the element when they
 * arrive. Until then the element speaks pt-BR rather than showing keys.
 *
 * @example
 * readonly #l10n = new LocalizeController(this, catalog);
 * render() { const t = this.#l10n.t; return html`<p>${t('hello', { name })}</p>`; }
 */
export class LocalizeController<K extends string> implements ReactiveController {
  readonly #host: LocalizedHost;
  readonly #catalog: MessageCatalog<K>;
  #locale: Locale | undefined;
  #t: Translate<K>;
  /** The locales whose tables this controller saw arrive (or asked for). */
  readonly #requested = new Set<Locale>(['pt-BR']);

  constructor(host: LocalizedHost, catalog: MessageCatalog<K>) {
    this.#host = host;
    this.#catalog = catalog;
    this.#t = translator(catalog.messages, 'pt-BR');
    host.addController(this);
  }

  /** The locale of the last update (or the element's now, before its first update). */
  get locale(): Locale {
    return this.#locale ?? this.#host.resolvedLocale;
  }

  /** The translator of the element's locale: `t('key', { n: 3 })`. The same function until the locale or its table changes. */
  get t(): Translate<K> {
    if (this.#locale === undefined) this.#refresh();
    return this.#t;
  }

  hostUpdate(): void {
    this.#refresh();
  }

  #refresh(): void {
    const locale = (this.#locale = this.#host.resolvedLocale);
    this.#t = translator(this.#catalog.messages, locale);
    if (this.#requested.has(locale)) return;
    this.#requested.add(locale);
    void loadLocaleMessages(this.#catalog, locale).then(
      () => this.#host.requestUpdate(),
      // A language that fails to load (offline) leaves pt-BR in place; the next update asks again.
      () => this.#requested.delete(locale),
    );
  }
}

/** Loads an element's table for `locale` (and core's messages of that language). */
function loadLocaleMessages<K extends string>(catalog: MessageCatalog<K>, locale: Locale): Promise<unknown> {
  // Core's field messages (issueMessage, errors from core's validators) speak the same language.
  return Promise.all([catalog.loadMessages(locale), loadLocale(locale)]);
}
