import type { Key } from './registration-settings.messages.js';

/** English words of `<cl-registration-settings>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
    title: 'Registration fields', intro: 'Choose which fields are required, optional or hidden when customers register.',
    person: 'Individual', company: 'Company', field: 'Field', rule: 'Rule',
    required: 'Required', optional: 'Optional', hidden: 'Hidden', locked: 'Always required',
    lockedReason: 'Without the document and the name a customer cannot be told apart, so these fields cannot be hidden.',
    document: 'Document', cpf: 'CPF', cnpj: 'CNPJ', firstName: 'First name', lastName: 'Last name', legalName: 'Legal name',
    email: 'E-mail', phone: 'Phone / WhatsApp', birthDate: 'Date of birth', address: 'Address',
    responsible: 'Contact person (first and last name)', tradeName: 'Trade name', stateRegistration: 'State registration',
    municipalRegistration: 'Municipal registration', save: 'Save settings', saving: 'Saving…', saved: 'Settings saved.',
    loading: 'Loading…', failed: 'Could not save: {message}',
};
