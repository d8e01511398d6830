import type { Messages } from '../internal/localize.js';

type Key =
  | 'title' | 'intro' | 'person' | 'company' | 'field' | 'rule' | 'required' | 'optional' | 'hidden' | 'locked' | 'lockedReason'
  | 'document' | 'cpf' | 'cnpj' | 'firstName' | 'lastName' | 'legalName' | 'email' | 'phone' | 'birthDate' | 'address'
  | 'responsible' | 'tradeName' | 'stateRegistration' | 'municipalRegistration' | 'save' | 'saving' | 'saved' | 'loading' | 'failed';

export const messages: Messages<Key> = {
  'pt-BR': {
    title: 'Campos do cadastro', intro: 'Escolha quais campos são obrigatórios, opcionais ou ocultos no cadastro de clientes.',
    person: 'Pessoa física', company: 'Pessoa jurídica', field: 'Campo', rule: 'Regra',
    required: 'Obrigatório', optional: 'Opcional', hidden: 'Oculto', locked: 'Sempre obrigatório',
    lockedReason: 'Sem o documento e o nome não é possível identificar o cliente, por isso estes campos não podem ser ocultados.',
    document: 'Documento', cpf: 'CPF', cnpj: 'CNPJ', firstName: 'Nome', lastName: 'Sobrenome', legalName: 'Razão social',
    email: 'E-mail', phone: 'Telefone / WhatsApp', birthDate: 'Data de nascimento', address: 'Endereço',
    responsible: 'Responsável (nome e sobrenome)', tradeName: 'Nome fantasia', stateRegistration: 'Inscrição estadual',
    municipalRegistration: 'Inscrição municipal', save: 'Salvar configurações', saving: 'Salvando…', saved: 'Configurações salvas.',
    loading: 'Carregando…', failed: 'Não foi possível salvar: {message}',
  },
  en: {
    title: 'Registration fields', intro: 'Choose which fields are required, optional or hidden when customers register.',
    person: 'Individual', company: 'Company', field: 'Field', rule: 'Rule',
    required: 'Required', optional: 'Optional', hidden: 'Hidden', locked: 'Always required',
    lockedReason: 'Without the document and the name a customer cannot be told apart, so these fields cannot be hidden.',
    document: 'Document', cpf: 'CPF', cnpj: 'CNPJ', firstName: 'First name', lastName: 'Last name', legalName: 'Legal name',
    email: 'E-mail', phone: 'Phone / WhatsApp', birthDate: 'Date of birth', address: 'Address',
    responsible: 'Contact person (first and last name)', tradeName: 'Trade name', stateRegistration: 'State registration',
    municipalRegistration: 'Municipal registration', save: 'Save settings', saving: 'Saving…', saved: 'Settings saved.',
    loading: 'Loading…', failed: 'Could not save: {message}',
  },
  es: {
    title: 'Campos del registro', intro: 'Elija qué campos son obligatorios, opcionales u ocultos en el registro de clientes.',
    person: 'Persona física', company: 'Persona jurídica', field: 'Campo', rule: 'Regla',
    required: 'Obligatorio', optional: 'Opcional', hidden: 'Oculto', locked: 'Siempre obligatorio',
    lockedReason: 'Sin el documento y el nombre no es posible identificar al cliente, por eso estos campos no se pueden ocultar.',
    document: 'Documento', cpf: 'CPF', cnpj: 'CNPJ', firstName: 'Nombre', lastName: 'Apellido', legalName: 'Razón social',
    email: 'Correo electrónico', phone: 'Teléfono / WhatsApp', birthDate: 'Fecha de nacimiento', address: 'Dirección',
    responsible: 'Responsable (nombre y apellido)', tradeName: 'Nombre comercial', stateRegistration: 'Inscripción estatal',
    municipalRegistration: 'Inscripción municipal', save: 'Guardar configuración', saving: 'Guardando…', saved: 'Configuración guardada.',
    loading: 'Cargando…', failed: 'No fue posible guardar: {message}',
  },
};
