import { createClient, type Locale } from '@clientela/core';
import { LitElement, type PropertyValues } from 'lit';
import { elementLocale } from './localize.js';

/** The client type every element talks through. */
export type Client = ReturnType<typeof createClient>;

/**
 * Base of every Clientela element: a `client` property (from `createClient`) or `api-base` +
 * `api-key` attributes, and `lang` / `locale` (`pt-BR` default, `en`, `es`).
 */
export class ClientelaElement extends LitElement {
  static override properties = {
    client: { attribute: false },
    apiBase: { type: String, attribute: 'api-base' },
    apiKey: { type: String, attribute: 'api-key' },
    locale: { type: String },
    lang: { type: String, reflect: true },
  };

  /** A client from `createClient`; takes precedence over `api-base` / `api-key`. */
  declare client: Client | undefined;
  /** The API's root URL (for example `http://localhost:4010`), used with `api-key`. */
  declare apiBase: string | undefined;
  /** A publishable (`pk_…`) or secret (`sk_…`) key, used with `api-base`. */
  declare apiKey: string | undefined;
  /** `pt-BR` (default), `en` or `es`; falls back to the nearest `lang` attribute. */
  declare locale: string | undefined;

  #ownClient: { key: string; client: Client } | undefined;

  /** The locale in use. */
  get resolvedLocale(): Locale {
    return elementLocale(this, this.locale || this.getAttribute('lang'));
  }

  /** The client in use, or `undefined` when neither `client` nor `api-base` + `api-key` are set. */
  get api(): Client | undefined {
    if (this.client) return this.client;
    if (!this.apiBase || !this.apiKey) return undefined;
    const key = `${this.apiBase}\n${this.apiKey}\n${this.resolvedLocale}`;
    if (this.#ownClient?.key !== key) {
      this.#ownClient = { key, client: createClient({ baseUrl: this.apiBase, apiKey: this.apiKey, locale: this.resolvedLocale }) };
    }
    return this.#ownClient.client;
  }

  /** True when a property that changes which client or locale is used has changed. */
  protected connectionChanged(changed: PropertyValues): boolean {
    return changed.has('client') || changed.has('apiBase') || changed.has('apiKey') || changed.has('locale') || changed.has('lang');
  }
}
