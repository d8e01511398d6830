import { createClient } from '@clientela/core/client';
import { apiBase, lang } from './shared.js';

/**
 * The mock server's development secret key (`npm start` starts it with this one). Only staff
 * pages (the admin panel, the React admin example) import this module. It is deliberately not a
 * VITE_ variable: vite hands every VITE_ variable to every module, the storefront's included.
 */
export const secretKey = 'sk_test_clientela';

let client: ReturnType<typeof createClient> | undefined;

/**
 * The admin panel's one client with the secret key (staff only, never a storefront). Every view
 * gets the same one: elements that share a client share its change feed, so a category created in
 * the manager reaches the table's filter and chips, and a customer saved in the form its row.
 */
export const adminClient = () =>
  (client ??= createClient({ baseUrl: apiBase, apiKey: secretKey, locale: lang as 'pt-BR', actor: 'admin@loja.example' }));
