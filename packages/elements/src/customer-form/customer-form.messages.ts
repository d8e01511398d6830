import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'kind' | 'person' | 'company' | 'personal' | 'companyData' | 'responsible' | 'contact' | 'address'
  | 'firstName' | 'lastName' | 'cpf' | 'birthDate' | 'email' | 'phone' | 'whatsapp'
  | 'legalName' | 'tradeName' | 'cnpj' | 'cnpjHint' | 'stateRegistration' | 'exempt' | 'municipalRegistration'
  | 'responsibleFirstName' | 'responsibleLastName' | 'responsiblePhone'
  | 'postalCode' | 'street' | 'number' | 'complement' | 'district' | 'city' | 'state' | 'choose'
  | 'cepLooking' | 'cepFound' | 'cepCity' | 'cepState' | 'cepNotFound' | 'cepFailed'
  | 'categories' | 'consent' | 'consentEmail' | 'consentSms' | 'consentWhatsapp'
  | 'password' | 'passwordConfirm' | 'passwordHint' | 'passwordWeak' | 'passwordFair' | 'passwordStrong' | 'passwordMismatch'
  | 'optional' | 'required' | 'create' | 'save' | 'register' | 'saving' | 'reset'
  | 'summary' | 'summaryOne' | 'created' | 'saved' | 'registered' | 'duplicate' | 'openExisting'
  | 'stale' | 'reload' | 'overwrite' | 'loading' | 'loadFailed' | 'failed' | 'retry'
  | 'birthDateHint' | 'doneTitle' | 'doneSignedIn' | 'doneSignIn' | 'doneNoPassword' | 'goToAccount' | 'checkEmailTitle' | 'checkEmail' | 'checkEmailHelp'
  | 'donePendingTitle' | 'donePending' | 'approvalHint' | 'closedTitle' | 'closedText'
  | 'revealDocument' | 'revealing' | 'revealNote' | 'revealFailed';

const ptBR: Record<Key, string> = {
    kind: 'Tipo de cadastro', person: 'Pessoa física', company: 'Pessoa jurídica',
    personal: 'Dados pessoais', companyData: 'Dados da empresa', responsible: 'Responsável', contact: 'Contato', address: 'Endereço',
    firstName: 'Nome', lastName: 'Sobrenome', cpf: 'CPF', birthDate: 'Data de nascimento', email: 'E-mail', phone: 'Telefone',
    whatsapp: 'Este número é WhatsApp',
    legalName: 'Razão social', tradeName: 'Nome fantasia', cnpj: 'CNPJ', cnpjHint: 'Aceita o CNPJ alfanumérico.',
    stateRegistration: 'Inscrição estadual', exempt: 'Isento', municipalRegistration: 'Inscrição municipal',
    responsibleFirstName: 'Nome do responsável', responsibleLastName: 'Sobrenome do responsável', responsiblePhone: 'WhatsApp/Telefone',
    postalCode: 'CEP', street: 'Rua', number: 'Número', complement: 'Complemento', district: 'Bairro', city: 'Cidade', state: 'Estado', choose: 'Selecione',
    cepLooking: 'Buscando endereço…', cepFound: 'Endereço preenchido pelo CEP.', cepCity: 'Cidade e estado preenchidos pelo CEP. Informe a rua e o bairro.',
    cepState: 'Estado preenchido pelo CEP. Informe a cidade e a rua.', cepNotFound: 'CEP não encontrado. Preencha o endereço.',
    cepFailed: 'Busca do CEP indisponível. Preencha o endereço.',
    categories: 'Categorias', consent: 'Aceita receber comunicações por', consentEmail: 'E-mail', consentSms: 'SMS', consentWhatsapp: 'WhatsApp',
    password: 'Senha', passwordConfirm: 'Confirme a senha', passwordHint: 'Mínimo de 8 caracteres; evite sequências (12345678), repetições (aaaaaaaa) e senhas muito usadas.',
    passwordWeak: 'Senha fraca', passwordFair: 'Senha razoável', passwordStrong: 'Senha forte', passwordMismatch: 'As senhas não conferem.',
    optional: '(opcional)', required: '(obrigatório)', create: 'Cadastrar cliente', save: 'Salvar alterações', register: 'Criar cadastro', saving: 'Salvando…', reset: 'Limpar',
    summary: 'Corrija {count} campos para continuar:', summaryOne: 'Corrija 1 campo para continuar:',
    created: 'Cliente cadastrado.', saved: 'Alterações salvas.', registered: 'Cadastro criado. Bem-vindo!',
    duplicate: 'Já existe um cliente com este documento.', openExisting: 'Abrir o cliente existente',
    stale: 'Este cliente foi alterado por outra pessoa.', reload: 'Recarregar dados', overwrite: 'Salvar por cima',
    birthDateHint: 'dd/mm/aaaa',
    doneTitle: 'Cadastro concluído. Boas-vindas, {name}!',
    doneSignedIn: 'Você já está conectado. Em Minha conta você vê seus dados, pedidos e créditos.',
    doneSignIn: 'Entre em Minha conta com seu e-mail e a senha que você criou.',
    doneNoPassword: 'Seus dados ficaram com a loja. Para ver seus pedidos on-line, peça à loja um link de acesso e cadastre uma senha.',
    checkEmailTitle: 'Confira seu e-mail para concluir o cadastro',
    checkEmail: 'Se a loja já tem um cadastro com estes dados, enviamos ao e-mail desse cadastro um link para concluir: abra-o e cadastre sua senha. Seus pedidos e dados continuam no mesmo cadastro.',
    checkEmailHelp: 'Não chegou em alguns minutos? Veja a caixa de spam. Se o cadastro da loja não tem e-mail, ou se ele mudou, fale com a loja para concluir.',
    goToAccount: 'Ir para Minha conta',
    donePendingTitle: 'Pedido de cadastro enviado, {name}',
    donePending: 'A loja vai analisar seu cadastro. Quando for aprovado, entre em Minha conta com seu e-mail e a senha que você criou; a resposta aparece ao entrar.',
    approvalHint: 'Este catálogo é privado: a loja aprova cada cadastro. Crie a senha com que você vai entrar depois da aprovação.',
    closedTitle: 'Cadastro fechado',
    closedText: 'Este catálogo é privado: a loja cadastra seus clientes. Peça acesso à loja; ela envia um link para você criar sua senha.',
    revealDocument: 'Mostrar documento para alterar', revealing: 'Mostrando…', revealNote: 'O documento completo só aparece ao pedir, e o pedido fica no log de dados.', revealFailed: 'Não foi possível mostrar o documento.',
    loading: 'Carregando…', loadFailed: 'Não foi possível carregar.', retry: 'Tentar novamente', failed: 'Não foi possível salvar. Tente de novo.',
  };

/**
 * The form's messages. pt-BR ships with the element; English and Spanish are loaded on demand by
 * {@link loadMessages} (the storefront form is size-budgeted, and most pages speak one language).
 * Until a table arrives, its slot holds pt-BR.
 */
export const { messages, loadMessages } = lazyMessages<Key>(ptBR, (locale) =>
  (locale === 'en' ? import('./customer-form.messages.en.js') : import('./customer-form.messages.es.js')).then((m) => m.table),
);
