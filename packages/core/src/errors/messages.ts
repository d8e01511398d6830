import type { Locale } from '../i18n/locale.js';

/**
 * Messages for errors the client makes itself (the server localizes its own problems through
 * `Accept-Language`); field codes such as `invalid_cep` come from core's `issueMessage`. One
 * `|`-separated string per locale keeps this table small in the bundle.
 */
const MESSAGES: Record<Locale, string> = {
  'pt-BR': 'Sem conexão com o servidor.|O servidor demorou demais para responder.|Resposta inesperada do servidor|Erro do servidor (HTTP {status}).',
  en: 'Could not reach the server.|The server took too long to respond.|Unexpected response from the server|Server error (HTTP {status}).',
  es: 'No se pudo conectar con el servidor.|El servidor tardó demasiado en responder.|Respuesta inesperada del servidor|Error del servidor (HTTP {status}).',
};

const KEYS = { network: 0, timeout: 1, response: 2, http: 3 };

export type ClientMessage = keyof typeof KEYS;

/** The client's own message for `key` in `locale`, `{status}` filled in. */
export function clientMessage(key: ClientMessage, locale: Locale, status?: number): string {
  return MESSAGES[locale].split('|')[KEYS[key]]!.replace('{status}', String(status));
}
