import type { Locale } from './locale.js';
import type { ConsentChannel, ConsentPurpose, ConsentSource, PrivacyRequestStatus, PrivacyRequestType } from '../schemas/privacy.js';

// The words of LGPD consent and data-subject requests (#18 §1–§2): one home for the card's
// history, the account area, the request queue and the data log.

export const CONSENT_CHANNEL_LABELS: Record<Locale, Record<ConsentChannel, string>> = {
  'pt-BR': { email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp', push: 'Notificação push' },
  en: { email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp', push: 'Push notification' },
  es: { email: 'Correo electrónico', sms: 'SMS', whatsapp: 'WhatsApp', push: 'Notificación push' },
};

export const CONSENT_PURPOSE_LABELS: Record<Locale, Record<ConsentPurpose, string>> = {
  'pt-BR': { marketing: 'Marketing', transactional: 'Transacional' },
  en: { marketing: 'Marketing', transactional: 'Transactional' },
  es: { marketing: 'Marketing', transactional: 'Transaccional' },
};

export const CONSENT_SOURCE_LABELS: Record<Locale, Record<ConsentSource, string>> = {
  'pt-BR': { storefront: 'Formulário da loja', admin: 'Painel', import: 'Importação', pos: 'Ponto de venda', api: 'API' },
  en: { storefront: 'Storefront form', admin: 'Admin panel', import: 'Import', pos: 'Point of sale', api: 'API' },
  es: { storefront: 'Formulario de la tienda', admin: 'Panel', import: 'Importación', pos: 'Punto de venta', api: 'API' },
};

export const PRIVACY_REQUEST_TYPE_LABELS: Record<Locale, Record<PrivacyRequestType, string>> = {
  'pt-BR': { access: 'Acesso aos dados', portability: 'Portabilidade', correction: 'Correção', anonymization: 'Anonimização', deletion: 'Exclusão' },
  en: { access: 'Access to data', portability: 'Portability', correction: 'Correction', anonymization: 'Anonymization', deletion: 'Deletion' },
  es: { access: 'Acceso a los datos', portability: 'Portabilidad', correction: 'Corrección', anonymization: 'Anonimización', deletion: 'Eliminación' },
};

export const PRIVACY_REQUEST_STATUS_LABELS: Record<Locale, Record<PrivacyRequestStatus, string>> = {
  'pt-BR': { open: 'Aberta', in_progress: 'Em andamento', completed: 'Concluída', rejected: 'Recusada' },
  en: { open: 'Open', in_progress: 'In progress', completed: 'Completed', rejected: 'Refused' },
  es: { open: 'Abierta', in_progress: 'En curso', completed: 'Completada', rejected: 'Rechazada' },
};

/** The name an anonymized customer is shown by. */
export const ANONYMIZED_NAME: Record<Locale, string> = { 'pt-BR': 'Cliente anonimizado', en: 'Anonymized customer', es: 'Cliente anonimizado' };
