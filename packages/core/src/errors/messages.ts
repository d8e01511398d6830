import type { Locale } from '../i18n/locale.js';

/**
 * Messages for errors the client makes itself (the server localizes its own problems through
 * `Accept-Language`). Field-level codes such as `invalid_cep` come from core's `issueMessage`.
 */
const MESSAGES = {
  network: {
    'pt-BR': 'Não foi possível conectar ao servidor. Verifique sua conexão.',
    en: 'Could not reach the server. Check your connection.',
    es: 'No se pudo conectar con el servidor. Revisa tu conexión.',
  },
  timeout: {
    'pt-BR': 'O servidor demorou demais para responder.',
    en: 'The server took too long to respond.',
    es: 'El servidor tardó demasiado en responder.',
  },
  response: {
    'pt-BR': 'Resposta inesperada do servidor',
    en: 'Unexpected response from the server',
    es: 'Respuesta inesperada del servidor',
  },
  http: {
    'pt-BR': 'Erro do servidor (HTTP {status}).',
    en: 'Server error (HTTP {status}).',
    es: 'Error del servidor (HTTP {status}).',
  },
} satisfies Record<string, Record<Locale, string>>;

export type ClientMessage = keyof typeof MESSAGES;

/** The client's own message for `key` in `locale`, `{status}` filled in. */
export function clientMessage(key: ClientMessage, locale: Locale, status?: number): string {
  return MESSAGES[key][locale].replace('{status}', String(status));
}
