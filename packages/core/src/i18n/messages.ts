import { localeTables } from './load.js';
import type { Locale } from './locale.js';

/**
 * Stable validation codes. Callers switch on these; messages may change wording, codes do not.
 */
export type IssueCode =
  | 'required'
  | 'invalid_type'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_big'
  | 'invalid_email'
  | 'invalid_date'
  | 'invalid_datetime'
  | 'invalid_format'
  | 'invalid_value'
  | 'unrecognized_key'
  | 'invalid_cpf'
  | 'invalid_cnpj'
  | 'invalid_cep'
  | 'invalid_phone'
  | 'invalid_state_registration'
  | 'invalid_uf'
  | 'invalid_color'
  | 'cnpj_on_person'
  | 'cpf_on_company'
  | 'invalid_kind'
  | 'invalid_cursor'
  | 'offset_with_cursor'
  | 'except_without_filter'
  | 'responsibility_not_acknowledged'
  | 'subject_required'
  | 'unknown_variable'
  | 'duplicate_document'
  | 'duplicate_name'
  | 'inactive_category'
  | 'unknown_category'
  | 'rule_category'
  | 'rule_references_rule'
  | 'rule_referenced'
  | 'field_hidden'
  | 'weak_password'
  | 'password_trivial'
  | 'password_common'
  | 'wrong_current_password'
  | 'email_mismatch'
  | 'birth_date_future'
  | 'birth_date_too_old'
  | 'token_invalid'
  | 'token_used'
  | 'token_expired'
  | 'token_revoked'
  | 'email_taken'
  | 'invalid_characters'
  | 'idempotency_key_reused'
  | 'column_count'
  | 'invalid_filter'
  | 'filter_unknown_condition'
  | 'invalid_order_status'
  | 'invalid_transition'
  | 'unknown_customer'
  | 'customer_deleted'
  | 'customer_merged'
  | 'merge_same_customer'
  | 'merge_kind_mismatch'
  | 'merge_field_kind'
  | 'insufficient_credit'
  | 'expiry_in_past'
  | 'placed_in_future'
  | 'duplicate_order_number'
  // units (stores)
  | 'invalid_unit_id'
  | 'unknown_unit'
  | 'unit_inactive'
  | 'duplicate_unit_name'
  | 'duplicate_unit_id'
  // sync by document
  | 'duplicate_external_id'
  | 'document_mismatch'
  // events and webhooks
  | 'unknown_event_type'
  | 'invalid_webhook_url'
  // LGPD: consent and data-subject requests
  | 'unknown_text_version'
  | 'consent_in_future'
  | 'confirmation_mismatch'
  | 'customer_anonymized'
  | 'request_type_mismatch'
  // managed API keys
  | 'read_only_publishable';

/** Every issue code's message in one language. */
export type IssueTable = Record<IssueCode, string>;

const ptBR: IssueTable = {
  required: 'Campo obrigatório.',
  invalid_type: 'Valor em formato inválido.',
  too_short: 'Deve ter pelo menos {min} caracteres.',
  too_long: 'Deve ter no máximo {max} caracteres.',
  too_small: 'Deve ser no mínimo {min}.',
  too_big: 'Deve ser no máximo {max}.',
  invalid_email: 'Informe um e-mail válido.',
  invalid_date: 'Informe uma data válida.',
  invalid_datetime: 'Informe uma data e hora válidas.',
  invalid_format: 'Formato inválido.',
  invalid_value: 'Valor não permitido.',
  unrecognized_key: 'Campo desconhecido: {key}.',
  invalid_cpf: 'CPF inválido.',
  invalid_cnpj: 'CNPJ inválido.',
  invalid_cep: 'CEP inválido.',
  invalid_phone: 'Telefone inválido: informe DDD e número.',
  invalid_state_registration: 'Inscrição estadual inválida para o estado informado.',
  invalid_uf: 'UF inválida.',
  invalid_color: 'Cor inválida: use o formato #rrggbb.',
  cnpj_on_person: 'Pessoa física usa CPF, não CNPJ.',
  cpf_on_company: 'Pessoa jurídica usa CNPJ, não CPF.',
  invalid_kind: 'Tipo de cliente inválido: use pessoa física ou jurídica.',
  invalid_cursor: 'Cursor de paginação inválido.',
  offset_with_cursor: 'Use offset ou cursor, não os dois.',
  except_without_filter: 'exceptIds vale só com filter: todos os que atendem ao filtro, menos estes.',
  responsibility_not_acknowledged: 'Marque “Li e compreendo a responsabilidade por violação da legislação vigente” para enviar.',
  subject_required: 'Informe o assunto do e-mail.',
  unknown_variable: 'Variável desconhecida: {name}.',
  duplicate_document: 'Já existe um cliente com este documento.',
  duplicate_name: 'Já existe uma categoria com este nome.',
  inactive_category: 'Esta categoria está inativa e não pode ser atribuída.',
  unknown_category: 'Categoria inexistente.',
  rule_category: 'Categoria automática: os clientes entram e saem dela pela regra, não à mão.',
  rule_references_rule: 'A regra não pode usar outra categoria automática.',
  rule_referenced: 'Outra categoria automática usa esta na regra: ela precisa continuar manual.',
  field_hidden: 'Este campo não está disponível no cadastro.',
  weak_password: 'A senha deve ter pelo menos 8 caracteres.',
  password_trivial: 'Senha fácil de adivinhar: evite repetições e sequências como aaaaaaaa, 12345678 ou abcdefgh.',
  password_common: 'Esta senha está entre as mais usadas e seria adivinhada logo. Escolha outra.',
  wrong_current_password: 'A senha atual não confere.',
  email_mismatch: 'Este não é o e-mail do convite. Use o e-mail em que a loja cadastrou você.',
  birth_date_future: 'A data de nascimento não pode estar no futuro.',
  birth_date_too_old: 'Confira o ano: a data de nascimento indica mais de 120 anos.',
  token_invalid: 'Link de acesso inválido.',
  token_used: 'Este link de acesso já foi usado.',
  token_expired: 'Este link de acesso expirou; peça um novo convite.',
  token_revoked: 'Este link de acesso foi substituído por um convite mais recente.',
  email_taken: 'Este e-mail já está cadastrado. Entre com sua senha ou peça à loja um novo link de acesso.',
  invalid_characters: 'Contém caracteres não permitidos (de controle ou de direção do texto).',
  idempotency_key_reused: 'Esta Idempotency-Key já foi usada com outro conteúdo.',
  column_count: 'A linha tem {count} colunas e o cabeçalho tem {expected}: confira se falta ou sobra uma coluna.',
  invalid_filter: 'Condição de filtro inválida: “{near}”.',
  filter_unknown_condition: 'Condição de filtro desconhecida: “{near}”.',
  invalid_order_status: 'Status de pedido inválido: use pendente, pago, enviado, entregue, devolvido ou cancelado.',
  invalid_transition: 'Um pedido {from} não pode passar a {to}.',
  customer_deleted: 'Este cliente foi excluído.',
  customer_merged: 'Este cliente foi mesclado a outro.',
  merge_same_customer: 'Escolha dois clientes diferentes para mesclar.',
  merge_kind_mismatch: 'Só é possível mesclar clientes do mesmo tipo (pessoa com pessoa, empresa com empresa).',
  merge_field_kind: 'Este campo não existe neste tipo de cliente.',
  insufficient_credit: 'Saldo de créditos insuficiente: disponível {available}.',
  expiry_in_past: 'A validade precisa ser uma data futura.',
  placed_in_future: 'A data do pedido não pode estar no futuro.',
  duplicate_order_number: 'Já existe um pedido com este número nesta unidade.',
  // units (stores)
  invalid_unit_id: 'Código da unidade inválido: use de 1 a 40 letras sem acento, números ou _.',
  unknown_unit: 'Unidade inexistente: cadastre-a em Unidades antes de registrar pedidos nela.',
  unit_inactive: 'Esta unidade está inativa e não recebe novos pedidos.',
  duplicate_unit_name: 'Já existe uma unidade com este nome.',
  duplicate_unit_id: 'Já existe uma unidade com este código.',
  duplicate_external_id: 'Outro cliente já tem este código neste sistema.',
  document_mismatch: 'O documento do corpo é diferente do documento do endereço.',
  // events and webhooks
  unknown_event_type: 'Tipo de evento desconhecido: {value}.',
  invalid_webhook_url: 'Informe uma URL http(s) completa, sem usuário e senha.',
  // LGPD: consent and data-subject requests
  unknown_text_version: 'Esta versão do texto de consentimento não existe.',
  consent_in_future: 'A data do consentimento não pode estar no futuro.',
  confirmation_mismatch: 'Digite {value} para confirmar.',
  unknown_customer: 'Cliente inexistente.',
  customer_anonymized: 'Este cliente foi anonimizado.',
  request_type_mismatch: 'Esta solicitação não é de anonimização ou exclusão deste cliente.',
  // managed API keys
  read_only_publishable: 'Só uma chave secreta pode ser somente leitura; uma chave publicável já só acessa as rotas públicas.',
};

/**
 * The message for a validation code in a locale, with `{name}` placeholders filled from `values`.
 * pt-BR is built in; `en` and `es` are loaded by `loadLocale` (the client does it before it
 * reports an error; a server calls `registerAllLocales` from `@clientela/core/i18n/all` once).
 * Until a language is loaded its messages are pt-BR's.
 *
 * @example
 * issueMessage('too_short', 'en', { min: 2 }); // 'Must be at least 2 characters.'
 */
export function issueMessage(code: IssueCode, locale: Locale, values: Record<string, unknown> = {}): string {
  const template = (localeTables(locale)?.issues ?? ptBR)[code] ?? ptBR.invalid_format;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
