import type { ClientChange, ClientelaClient, ClientOptions, Locale } from '@clientela/core';
import { LitElement, type PropertyValues } from 'lit';
import { elementLocale } from './localize.js';

/** The client type every element talks through. */
export type Client = ClientelaClient;

/** How an element makes its own client from `api-base` + `api-key`: a module that exports `createClient`. */
export type ClientModule<C> = Promise<{ createClient: (options: ClientOptions) => C }>;

/**
 * Base of every Clientela element: a `client` property (from `createClient`) or `api-base` +
 * `api-key` attributes, and `lang` / `locale` (`pt-BR` default, `en`, `es`).
 *
 * The client code (ky, the response schemas) is loaded with a dynamic import only when the
 * element has to make its own client from `api-base` + `api-key`: a page that passes `client`
 * does not pay for it twice, and an element's first paint does not wait for it. An element names
 * the part of the client it calls (`C`, a part of `ClientelaClient`) and overrides
 * `clientModule()` to load a client of only those resources (`composeClient`), so its own client
 * bundles only the calls it makes; a page may still pass a full client.
 */
export class ClientelaElement<C extends Partial<Client> = Client> extends LitElement {
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

  #ownClient: { key: string; client: C } | undefined;
  #loadingKey: string | undefined;
  #followed: C | undefined;
  #unfollow: (() => void) | undefined;

  constructor() {
    super();
    // A controller runs on every update whatever the subclass overrides, so the client starts
    // loading as soon as api-base and api-key are known, and its change feed is followed while
    // the element is in the page.
    this.addController({
      hostUpdate: () => this.#follow(this.isConnected ? this.api : undefined),
      hostConnected: () => this.#follow(this.api),
      hostDisconnected: () => this.#follow(undefined),
    });
  }

  /** Listens to the writes made through `api` (by this element or any other sharing the client). */
  #follow(api: C | undefined): void {
    if (api === this.#followed) return;
    this.#unfollow?.();
    this.#followed = api;
    // Optional: a stand-in client (tests, a wrapper) may have no change feed.
    this.#unfollow = api?.changes?.subscribe((change) => this.clientChanged(change));
  }

  /**
   * Called after each write made through this element's client, by any element on the page that
   * shares it (a category created in the manager, a customer saved in the form…), so that what
   * this element shows stays current. Elements override it; the default does nothing.
   */
  protected clientChanged(_change: ClientChange): void {}

  /**
   * The locale in use. Reads the `lang` property, not the attribute: Lit renders before it
   * reflects a changed `lang` back to the attribute.
   */
  get resolvedLocale(): Locale {
    return elementLocale(this, this.locale || this.lang || null);
  }

  /**
   * The client in use; `undefined` when neither `client` nor `api-base` + `api-key` are set, or
   * while the element's own client is loading (the element updates with `client` marked as
   * changed once it is ready, so `connectionChanged` sees it).
   */
  get api(): C | undefined {
    // A full client has every resource, so it serves any element.
    if (this.client) return this.client as unknown as C;
    if (!this.apiBase || !this.apiKey) return undefined;
    const key = `${this.apiBase}\n${this.apiKey}\n${this.resolvedLocale}`;
    if (this.#ownClient?.key === key) return this.#ownClient.client;
    if (this.#loadingKey !== key && this.clientModule) {
      this.#loadingKey = key;
      const { apiBase: baseUrl, apiKey, resolvedLocale: locale } = this;
      void this.clientModule().then(({ createClient }) => {
        if (this.#loadingKey !== key) return;
        this.#ownClient = { key, client: createClient({ baseUrl, apiKey, locale }) };
        // Lit ignores requestUpdate(name) when the property's value is unchanged (`client` is still
        // undefined here), so give an old value that differs: `client` is then in `changed`.
        this.requestUpdate('client', null);
      });
    }
    return undefined;
  }

  /**
   * The module the element's own client comes from: each element loads a client of only the
   * resources it calls (its `*.client.ts`, made with `composeClient`). Not importing the whole
   * client here keeps it out of every element's bundle. Without it, `api-base` + `api-key` make
   * no client and the element needs `client`.
   */
  protected clientModule?(): ClientModule<C>;

  /** True when a property that changes which client or locale is used has changed. */
  protected connectionChanged(changed: PropertyValues): boolean {
    return changed.has('client') || changed.has('apiBase') || changed.has('apiKey') || changed.has('locale') || changed.has('lang');
  }
}
