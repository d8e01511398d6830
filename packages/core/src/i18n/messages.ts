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
  | 'duplicate_document'
  | 'duplicate_name'
  | 'inactive_category'
  | 'unknown_category'
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
  | 'filter_unknown_condition';

type Table = Record<IssueCode, string>;

const ptBR: Table = {
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
  duplicate_document: 'Já existe um cliente com este documento.',
  duplicate_name: 'Já existe uma categoria com este nome.',
  inactive_category: 'Esta categoria está inativa e não pode ser atribuída.',
  unknown_category: 'Categoria inexistente.',
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
};

const en: Table = {
  required: 'This field is required.',
  invalid_type: 'Invalid value.',
  too_short: 'Must be at least {min} characters.',
  too_long: 'Must be at most {max} characters.',
  too_small: 'Must be at least {min}.',
  too_big: 'Must be at most {max}.',
  invalid_email: 'Enter a valid e-mail address.',
  invalid_date: 'Enter a valid date.',
  invalid_datetime: 'Enter a valid date and time.',
  invalid_format: 'Invalid format.',
  invalid_value: 'Value not allowed.',
  unrecognized_key: 'Unknown field: {key}.',
  invalid_cpf: 'Invalid CPF.',
  invalid_cnpj: 'Invalid CNPJ.',
  invalid_cep: 'Invalid CEP (postal code).',
  invalid_phone: 'Invalid phone: enter area code and number.',
  invalid_state_registration: 'Invalid state registration for the chosen state.',
  invalid_uf: 'Invalid state (UF).',
  invalid_color: 'Invalid colour: use #rrggbb.',
  cnpj_on_person: 'A person uses a CPF, not a CNPJ.',
  cpf_on_company: 'A company uses a CNPJ, not a CPF.',
  invalid_kind: 'Invalid customer kind: use person or company.',
  invalid_cursor: 'Invalid pagination cursor.',
  offset_with_cursor: 'Use either offset or cursor, not both.',
  duplicate_document: 'A customer with this document already exists.',
  duplicate_name: 'A category with this name already exists.',
  inactive_category: 'This category is inactive and cannot be assigned.',
  unknown_category: 'Unknown category.',
  field_hidden: 'This field is not part of the registration.',
  weak_password: 'The password must have at least 8 characters.',
  password_trivial: 'Easy to guess: avoid repeats and sequences such as aaaaaaaa, 12345678 or abcdefgh.',
  password_common: 'This is one of the most used passwords and would be guessed quickly. Choose another.',
  wrong_current_password: 'The current password is not right.',
  email_mismatch: 'This is not the e-mail of the invitation. Use the e-mail the store registered you with.',
  birth_date_future: 'The birth date cannot be in the future.',
  birth_date_too_old: 'Check the year: this birth date means more than 120 years.',
  token_invalid: 'Invalid access link.',
  token_used: 'This access link was already used.',
  token_expired: 'This access link has expired; ask for a new invitation.',
  token_revoked: 'This access link was replaced by a newer invitation.',
  email_taken: 'This e-mail is already registered. Sign in with your password or ask the store for a new access link.',
  invalid_characters: 'Contains characters that are not allowed (control or text-direction characters).',
  idempotency_key_reused: 'This Idempotency-Key was already used with another body.',
  column_count: 'The row has {count} columns and the header has {expected}: check for a missing or extra column.',
  invalid_filter: 'Invalid filter condition: “{near}”.',
  filter_unknown_condition: 'Unknown filter condition: “{near}”.',
};

const es: Table = {
  required: 'Campo obligatorio.',
  invalid_type: 'Valor no válido.',
  too_short: 'Debe tener al menos {min} caracteres.',
  too_long: 'Debe tener como máximo {max} caracteres.',
  too_small: 'Debe ser como mínimo {min}.',
  too_big: 'Debe ser como máximo {max}.',
  invalid_email: 'Introduce un correo electrónico válido.',
  invalid_date: 'Introduce una fecha válida.',
  invalid_datetime: 'Introduce una fecha y hora válidas.',
  invalid_format: 'Formato no válido.',
  invalid_value: 'Valor no permitido.',
  unrecognized_key: 'Campo desconocido: {key}.',
  invalid_cpf: 'CPF no válido.',
  invalid_cnpj: 'CNPJ no válido.',
  invalid_cep: 'CEP (código postal) no válido.',
  invalid_phone: 'Teléfono no válido: indica código de área y número.',
  invalid_state_registration: 'Inscripción estatal no válida para el estado elegido.',
  invalid_uf: 'Estado (UF) no válido.',
  invalid_color: 'Color no válido: usa #rrggbb.',
  cnpj_on_person: 'Una persona física usa CPF, no CNPJ.',
  cpf_on_company: 'Una persona jurídica usa CNPJ, no CPF.',
  invalid_kind: 'Tipo de cliente no válido: usa persona física o jurídica.',
  invalid_cursor: 'Cursor de paginación no válido.',
  offset_with_cursor: 'Usa offset o cursor, no ambos.',
  duplicate_document: 'Ya existe un cliente con este documento.',
  duplicate_name: 'Ya existe una categoría con este nombre.',
  inactive_category: 'Esta categoría está inactiva y no se puede asignar.',
  unknown_category: 'Categoría inexistente.',
  field_hidden: 'Este campo no forma parte del registro.',
  weak_password: 'La contraseña debe tener al menos 8 caracteres.',
  password_trivial: 'Fácil de adivinar: evita repeticiones y secuencias como aaaaaaaa, 12345678 o abcdefgh.',
  password_common: 'Esta contraseña está entre las más usadas y se adivinaría pronto. Elige otra.',
  wrong_current_password: 'La contraseña actual no coincide.',
  email_mismatch: 'Este no es el correo de la invitación. Usa el correo con el que la tienda te registró.',
  birth_date_future: 'La fecha de nacimiento no puede estar en el futuro.',
  birth_date_too_old: 'Revisa el año: esta fecha de nacimiento indica más de 120 años.',
  token_invalid: 'Enlace de acceso no válido.',
  token_used: 'Este enlace de acceso ya se usó.',
  token_expired: 'Este enlace de acceso caducó; pide una nueva invitación.',
  token_revoked: 'Este enlace de acceso fue sustituido por una invitación más reciente.',
  email_taken: 'Este correo ya está registrado. Inicia sesión con tu contraseña o pide a la tienda un nuevo enlace de acceso.',
  invalid_characters: 'Contiene caracteres no permitidos (de control o de dirección del texto).',
  idempotency_key_reused: 'Esta Idempotency-Key ya se usó con otro contenido.',
  column_count: 'La fila tiene {count} columnas y el encabezado tiene {expected}: revisa si falta o sobra una columna.',
  invalid_filter: 'Condición de filtro no válida: “{near}”.',
  filter_unknown_condition: 'Condición de filtro desconocida: “{near}”.',
};

const TABLES: Record<Locale, Table> = { 'pt-BR': ptBR, en, es };

/**
 * The message for a validation code in a locale, with `{name}` placeholders filled from `values`.
 *
 * @example
 * issueMessage('too_short', 'en', { min: 2 }); // 'Must be at least 2 characters.'
 */
export function issueMessage(code: IssueCode, locale: Locale, values: Record<string, unknown> = {}): string {
  const template = (TABLES[locale] ?? ptBR)[code] ?? ptBR.invalid_format;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
