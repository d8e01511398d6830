import { createClient } from '@clientela/core';
import { apiBase, lang } from './shared.js';

/**
 * The mock server's development secret key (`npm start` starts it with this one). Only staff
 * pages (the admin panel, the React admin example) import this module. It is deliberately not a
 * VITE_ variable: vite hands every VITE_ variable to every module, the storefront's included.
 */
export const secretKey = 'sk_test_clientela';

/** A client with the secret key, for the admin panel (staff only, never a storefront). */
export const adminClient = () => createClient({ baseUrl: apiBase, apiKey: secretKey, locale: lang as 'pt-BR', actor: 'admin@loja.example' });
