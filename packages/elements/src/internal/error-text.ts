import type { Locale } from '@clientela/core';
import { isApiError, isNetworkError, isRateLimitError, isTimeoutError } from '@clientela/core/errors';

const words: Record<Locale, Record<'network' | 'timeout' | 'unavailable' | 'busy' | 'unknown', string>> = {
  'pt-BR': {
    network: 'Sem conexão com o servidor.',
    timeout: 'O servidor demorou demais para responder.',
    unavailable: 'O servidor está indisponível no momento.',
    busy: 'Muitas solicitações seguidas; aguarde um instante.',
    unknown: 'Ocorreu um erro inesperado.',
  },
  en: {
    network: 'No connection to the server.',
    timeout: 'The server took too long to answer.',
    unavailable: 'The server is unavailable right now.',
    busy: 'Too many requests in a row; wait a moment.',
    unknown: 'An unexpected error occurred.',
  },
  es: {
    network: 'Sin conexión con el servidor.',
    timeout: 'El servidor tardó demasiado en responder.',
    unavailable: 'El servidor no está disponible en este momento.',
    busy: 'Demasiadas solicitudes seguidas; espere un momento.',
    unknown: 'Ocurrió un error inesperado.',
  },
};

/**
 * The reason a request failed, in words a store admin can act on. A refusal about the data (4xx:
 * a validation error, a conflict, an inactive category) carries the server's own localized
 * message; an outage (5xx, 429, no network, timeout) gets a plain sentence instead, since its
 * `detail` is written for developers (a simulated failure, a `Retry-After` header).
 *
 * @example
 * notice.text = `${t('exportFailed')} ${errorText(error, this.resolvedLocale)}`;
 */
export function errorText(error: unknown, locale: Locale): string {
  const w = words[locale] ?? words['pt-BR'];
  if (isNetworkError(error)) return w.network;
  if (isTimeoutError(error)) return w.timeout;
  if (isRateLimitError(error)) return w.busy;
  if (isApiError(error)) return error.status >= 500 ? w.unavailable : error.message || w.unknown;
  return w.unknown;
}
