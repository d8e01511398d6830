import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'intro' | 'person' | 'company' | 'field' | 'rule' | 'required' | 'optional' | 'hidden' | 'locked' | 'lockedReason'
  | 'document' | 'cpf' | 'cnpj' | 'firstName' | 'lastName' | 'legalName' | 'email' | 'phone' | 'birthDate' | 'address'
  | 'responsible' | 'tradeName' | 'stateRegistration' | 'municipalRegistration' | 'save' | 'saving' | 'saved' | 'loading' | 'failed';

/** The pt-BR words of `<cl-registration-settings>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
    title: 'Campos do cadastro', intro: 'Escolha quais campos são obrigatórios, opcionais ou ocultos no cadastro de clientes.',
    person: 'Pessoa física', company: 'Pessoa jurídica', field: 'Campo', rule: 'Regra',
    required: 'Obrigatório', optional: 'Opcional', hidden: 'Oculto', locked: 'Sempre obrigatório',
    lockedReason: 'Sem o documento e o nome não é possível identificar o cliente, por isso estes campos não podem ser ocultados.',
    document: 'Documento', cpf: 'CPF', cnpj: 'CNPJ', firstName: 'Nome', lastName: 'Sobrenome', legalName: 'Razão social',
    email: 'E-mail', phone: 'Telefone / WhatsApp', birthDate: 'Data de nascimento', address: 'Endereço',
    responsible: 'Responsável (nome e sobrenome)', tradeName: 'Nome fantasia', stateRegistration: 'Inscrição estadual',
    municipalRegistration: 'Inscrição municipal', save: 'Salvar configurações', saving: 'Salvando…', saved: 'Configurações salvas.',
    loading: 'Carregando…', failed: 'Não foi possível salvar: {message}',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./registration-settings.messages.en.js') : import('./registration-settings.messages.es.js')).then((m) => m.table),
);
