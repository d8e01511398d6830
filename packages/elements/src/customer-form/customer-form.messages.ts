import type { Messages } from '../internal/localize.js';

type Key =
  | 'kind' | 'person' | 'company' | 'personal' | 'companyData' | 'responsible' | 'contact' | 'address'
  | 'firstName' | 'lastName' | 'cpf' | 'birthDate' | 'email' | 'phone' | 'whatsapp'
  | 'legalName' | 'tradeName' | 'cnpj' | 'cnpjHint' | 'stateRegistration' | 'exempt' | 'municipalRegistration'
  | 'responsibleFirstName' | 'responsibleLastName' | 'responsiblePhone'
  | 'postalCode' | 'street' | 'number' | 'complement' | 'district' | 'city' | 'state' | 'choose'
  | 'cepLooking' | 'cepFound' | 'cepNotFound' | 'cepFailed'
  | 'categories' | 'consent' | 'consentEmail' | 'consentSms' | 'consentWhatsapp'
  | 'password' | 'passwordConfirm' | 'passwordHint' | 'passwordWeak' | 'passwordFair' | 'passwordStrong' | 'passwordMismatch'
  | 'optional' | 'required' | 'create' | 'save' | 'register' | 'saving' | 'reset'
  | 'summary' | 'summaryOne' | 'created' | 'saved' | 'registered' | 'duplicate' | 'openExisting'
  | 'stale' | 'reload' | 'overwrite' | 'loading' | 'loadFailed' | 'failed';

export const messages: Messages<Key> = {
  'pt-BR': {
    kind: 'Tipo de cadastro', person: 'Pessoa física', company: 'Pessoa jurídica',
    personal: 'Dados pessoais', companyData: 'Dados da empresa', responsible: 'Responsável', contact: 'Contato', address: 'Endereço',
    firstName: 'Nome', lastName: 'Sobrenome', cpf: 'CPF', birthDate: 'Data de nascimento', email: 'E-mail', phone: 'Telefone',
    whatsapp: 'Este número é WhatsApp',
    legalName: 'Razão social', tradeName: 'Nome fantasia', cnpj: 'CNPJ', cnpjHint: 'Números, ou letras e números (CNPJ alfanumérico).',
    stateRegistration: 'Inscrição estadual', exempt: 'Isento', municipalRegistration: 'Inscrição municipal',
    responsibleFirstName: 'Nome do responsável', responsibleLastName: 'Sobrenome do responsável', responsiblePhone: 'WhatsApp/Telefone',
    postalCode: 'CEP', street: 'Rua', number: 'Número', complement: 'Complemento', district: 'Bairro', city: 'Cidade', state: 'Estado', choose: 'Selecione',
    cepLooking: 'Buscando endereço…', cepFound: 'Endereço preenchido pelo CEP. Confira e complete.', cepNotFound: 'CEP não encontrado. Preencha o endereço.',
    cepFailed: 'Não foi possível buscar o CEP agora. Preencha o endereço.',
    categories: 'Categorias', consent: 'Aceita receber comunicações por', consentEmail: 'E-mail', consentSms: 'SMS', consentWhatsapp: 'WhatsApp',
    password: 'Senha', passwordConfirm: 'Confirme a senha', passwordHint: 'Opcional. Pelo menos 8 caracteres; misture letras, números e símbolos.',
    passwordWeak: 'Senha fraca', passwordFair: 'Senha razoável', passwordStrong: 'Senha forte', passwordMismatch: 'As senhas não conferem.',
    optional: '(opcional)', required: '(obrigatório)', create: 'Cadastrar cliente', save: 'Salvar alterações', register: 'Criar cadastro', saving: 'Salvando…', reset: 'Limpar',
    summary: 'Corrija {count} campos para continuar:', summaryOne: 'Corrija 1 campo para continuar:',
    created: 'Cliente cadastrado.', saved: 'Alterações salvas.', registered: 'Cadastro criado. Bem-vindo!',
    duplicate: 'Já existe um cliente com este documento.', openExisting: 'Abrir o cliente existente',
    stale: 'Este cliente foi alterado por outra pessoa.', reload: 'Recarregar dados', overwrite: 'Salvar por cima',
    loading: 'Carregando…', loadFailed: 'Não foi possível carregar o formulário.', failed: 'Não foi possível salvar. Tente novamente.',
  },
  en: {
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
  },
  es: {
    kind: 'Tipo de registro', person: 'Persona física', company: 'Persona jurídica',
    personal: 'Datos personales', companyData: 'Datos de la empresa', responsible: 'Responsable', contact: 'Contacto', address: 'Dirección',
    firstName: 'Nombre', lastName: 'Apellido', cpf: 'CPF', birthDate: 'Fecha de nacimiento', email: 'Correo electrónico', phone: 'Teléfono',
    whatsapp: 'Este número es WhatsApp',
    legalName: 'Razón social', tradeName: 'Nombre comercial', cnpj: 'CNPJ', cnpjHint: 'Números, o letras y números (CNPJ alfanumérico).',
    stateRegistration: 'Inscripción estatal', exempt: 'Exento', municipalRegistration: 'Inscripción municipal',
    responsibleFirstName: 'Nombre del responsable', responsibleLastName: 'Apellido del responsable', responsiblePhone: 'WhatsApp/Teléfono',
    postalCode: 'CEP (código postal)', street: 'Calle', number: 'Número', complement: 'Complemento', district: 'Barrio', city: 'Ciudad', state: 'Estado', choose: 'Seleccione',
    cepLooking: 'Buscando la dirección…', cepFound: 'Dirección completada por el CEP. Revísela y complétela.', cepNotFound: 'CEP no encontrado. Escriba la dirección.',
    cepFailed: 'No fue posible buscar el CEP ahora. Escriba la dirección.',
    categories: 'Categorías', consent: 'Acepta recibir comunicaciones por', consentEmail: 'Correo', consentSms: 'SMS', consentWhatsapp: 'WhatsApp',
    password: 'Contraseña', passwordConfirm: 'Confirme la contraseña', passwordHint: 'Opcional. Al menos 8 caracteres; combine letras, números y símbolos.',
    passwordWeak: 'Contraseña débil', passwordFair: 'Contraseña aceptable', passwordStrong: 'Contraseña fuerte', passwordMismatch: 'Las contraseñas no coinciden.',
    optional: '(opcional)', required: '(obligatorio)', create: 'Registrar cliente', save: 'Guardar cambios', register: 'Crear cuenta', saving: 'Guardando…', reset: 'Limpiar',
    summary: 'Corrija {count} campos para continuar:', summaryOne: 'Corrija 1 campo para continuar:',
    created: 'Cliente registrado.', saved: 'Cambios guardados.', registered: 'Cuenta creada. ¡Bienvenido!',
    duplicate: 'Ya existe un cliente con este documento.', openExisting: 'Abrir el cliente existente',
    stale: 'Otra persona modificó este cliente.', reload: 'Recargar datos', overwrite: 'Sobrescribir',
    loading: 'Cargando…', loadFailed: 'No fue posible cargar el formulario.', failed: 'No fue posible guardar. Inténtelo de nuevo.',
  },
};
