import type { Key } from './consent-history.messages.js';

export const table: Record<Key, string> = {
  title: 'Historial de consentimiento', when: 'Cuándo', channel: 'Canal y finalidad', state: 'Estado', source: 'Origen', text: 'Texto mostrado', by: 'Registrado por', evidence: 'Comprobante',
  granted: 'Otorgado', revoked: 'Revocado', shopper: 'El propio cliente', version: 'versión {n}', empty: 'Ningún registro de consentimiento.', loading: 'Cargando…',
};
