/// <reference types="vite/client" />
import { createClient } from '@clientela/core/client';

/**
 * The example pages reach the mock server through vite's proxy, so the API base is this page's
 * own origin. `npm start` passes the keys the server was started with. The secret key is only in
 * admin-client.ts, which storefront code never imports: a storefront holds the publishable key only.
 */
export const apiBase: string = (import.meta.env.VITE_CLIENTELA_API_BASE as string | undefined) || location.origin;
export const publishableKey: string = (import.meta.env.VITE_CLIENTELA_PUBLISHABLE_KEY as string | undefined) ?? 'pk_test_clientela';

/** The page's language: `?lang=en` or `?lang=es` switches it (pt-BR by default). */
export const lang: string = new URLSearchParams(location.search).get('lang') ?? 'pt-BR';
document.documentElement.lang = lang;

/** A client with the publishable key, the only key a storefront holds. */
export const storefrontClient = () => createClient({ baseUrl: apiBase, apiKey: publishableKey, locale: lang as 'pt-BR' });
