import { lazyMessages } from '../internal/localize.js';

export type Key = 'title' | 'when' | 'channel' | 'state' | 'source' | 'text' | 'by' | 'evidence' | 'granted' | 'revoked' | 'shopper' | 'version' | 'empty' | 'loading';

/** The words of the card's consent history (LGPD). */
const ptBR: Record<Key, string> = {
  title: 'Histórico de consentimento', when: 'Quando', channel: 'Canal e finalidade', state: 'Situação', source: 'Origem', text: 'Texto apresentado', by: 'Registrado por', evidence: 'Comprovação',
  granted: 'Concedido', revoked: 'Revogado', shopper: 'O próprio cliente', version: 'versão {n}', empty: 'Nenhum registro de consentimento.', loading: 'Carregando…',
};

export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./consent-history.messages.en.js') : import('./consent-history.messages.es.js')).then((m) => m.table),
);
