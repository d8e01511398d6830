import type { Key } from './customer-form.messages.js';

export const table: Record<Key, string> = {
    kind: 'Registration type', person: 'Individual', company: 'Company',
    personal: 'Personal details', companyData: 'Company details', responsible: 'Contact person', contact: 'Contact', address: 'Address',
    firstName: 'First name', lastName: 'Last name', cpf: 'CPF', birthDate: 'Date of birth', email: 'E-mail', phone: 'Phone',
    whatsapp: 'This number is on WhatsApp',
    legalName: 'Legal name (razão social)', tradeName: 'Trade name', cnpj: 'CNPJ', cnpjHint: 'Digits, or letters and digits (alphanumeric CNPJ).',
    stateRegistration: 'State registration', exempt: 'Exempt', municipalRegistration: 'Municipal registration',
    responsibleFirstName: 'Contact first name', responsibleLastName: 'Contact last name', responsiblePhone: 'WhatsApp/Phone',
    postalCode: 'CEP (postal code)', street: 'Street', number: 'Number', complement: 'Complement', district: 'District', city: 'City', state: 'State', choose: 'Choose',
    cepLooking: 'Looking up the address…', cepFound: 'Address filled from the CEP. Check and complete it.', cepNotFound: 'CEP not found. Please type the address.',
    cepFailed: 'Could not look up the CEP now. Please type the address.',
    categories: 'Categories', consent: 'Agrees to receive messages by', consentEmail: 'E-mail', consentSms: 'SMS', consentWhatsapp: 'WhatsApp',
    password: 'Password', passwordConfirm: 'Confirm password', passwordHint: 'Optional. At least 8 characters; mix letters, digits and symbols.',
    passwordWeak: 'Weak password', passwordFair: 'Fair password', passwordStrong: 'Strong password', passwordMismatch: 'The passwords do not match.',
    optional: '(optional)', required: '(required)', create: 'Create customer', save: 'Save changes', register: 'Create account', saving: 'Saving…', reset: 'Clear',
    summary: 'Fix {count} fields to continue:', summaryOne: 'Fix 1 field to continue:',
    created: 'Customer created.', saved: 'Changes saved.', registered: 'Account created. Welcome!',
    duplicate: 'A customer with this document already exists.', openExisting: 'Open the existing customer',
    stale: 'This customer was changed by someone else.', reload: 'Reload data', overwrite: 'Overwrite',
    loading: 'Loading…', loadFailed: 'Could not load the form.', failed: 'Could not save. Please try again.',
  };
