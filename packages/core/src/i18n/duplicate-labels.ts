import type { Locale } from './locale.js';
import type { DUPLICATE_REASONS } from '../rules/constants.js';

// The words of possible duplicates (#18 §3): why two customers may be one person.

/** Each reason a pair was found for, as a person reads it. */
export const DUPLICATE_REASON_LABELS: Record<Locale, Record<(typeof DUPLICATE_REASONS)[number], string>> = {
  'pt-BR': { document: 'Mesmo CPF/CNPJ', email: 'Mesmo e-mail', phone: 'Mesmo telefone', name_postal_code: 'Nome parecido no mesmo CEP', name_city: 'Nome parecido na mesma cidade' },
  en: { document: 'Same CPF/CNPJ', email: 'Same e-mail', phone: 'Same phone', name_postal_code: 'Similar name, same CEP', name_city: 'Similar name, same city' },
  es: { document: 'Mismo CPF/CNPJ', email: 'Mismo correo', phone: 'Mismo teléfono', name_postal_code: 'Nombre parecido en el mismo CEP', name_city: 'Nombre parecido en la misma ciudad' },
};
