/// <reference types="vite/client" />
import { createClient } from '@clientela/core';

/**
 * The example pages reach the mock server through vite's proxy, so the API base is this page's
 * own origin. `npm start` passes the keys the server was started with.
 */
export const apiBase: string = (import.meta.env.VITE_CLIENTELA_API_BASE as string | undefined) || location.origin;
export const secretKey: string = (import.meta.env.VITE_CLIENTELA_SECRET_KEY as string | undefined) ?? 'sk_test_clientela';
export const publishableKey: string = (import.meta.env.VITE_CLIENTELA_PUBLISHABLE_KEY as string | undefined) ?? 'pk_test_clientela';

/** The page's language: `?lang=en` or `?lang=es` switches it (pt-BR by default). */
export const lang: string = new URLSearchParams(location.search).get('lang') ?? 'pt-BR';
document.documentElement.lang = lang;

/** A client with the secret key, for the admin panel (staff only, never a storefront). */
export const adminClient = () => createClient({ baseUrl: apiBase, apiKey: secretKey, locale: lang as 'pt-BR', actor: 'admin@loja.example' });
/** A client with the publishable key, the only key a storefront holds. */
export const storefrontClient = () => createClient({ baseUrl: apiBase, apiKey: publishableKey, locale: lang as 'pt-BR' });
