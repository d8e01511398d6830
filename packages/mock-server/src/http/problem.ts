import type { Context } from 'hono';
import { issueMessage, type IssueCode, type Locale } from '@clientela/core/i18n';
import type { FieldIssue } from '@clientela/core/schemas';

/** Problem kinds the server answers with; each has a stable `type` URI and localized title. */
export type ProblemKind =
  | 'validation'
  | 'malformed_json'
  | 'malformed_body'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'category_delete'
  | 'view_built_in'
  | 'duplicate_document'
  | 'duplicate_name'
  | 'duplicate_email'
  | 'duplicate_order_number'
  | 'duplicate_external_id'
  | 'precondition_failed'
  | 'precondition_required'
  | 'idempotency_mismatch'
  | 'idempotency_in_progress'
  | 'write_conflict'
  | 'customer_merged'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'json_required'
  | 'rate_limited'
  | 'too_many_bad_keys'
  | 'too_many_attempts'
  | 'unavailable'
  | 'invalid_credentials'
  | 'session_required'
  | 'registration_closed'
  | 'account_pending'
  | 'account_refused'
  | 'session_expired'
  | 'token_gone'
  | 'internal'
  // units (stores)
  | 'duplicate_unit'
  | 'unit_in_use'
  // managed API keys
  | 'read_only_key'
  | 'api_key_self_revoke'
  | 'api_key_inactive'
  // LGPD (#18 §2)
  | 'customer_anonymized'
  | 'request_closed'
  // secrets at rest and Web Push (#17)
  | 'secrets_key_required'
  | 'web_push_unavailable';

type Text = { title: string; detail: string };
const TEXTS: Record<ProblemKind, Record<Locale, Text>> = {
  // secrets at rest and Web Push (#17)
  secrets_key_required: {
    'pt-BR': { title: 'Chave de segredos não configurada', detail: 'Este servidor usa PostgreSQL sem chave de segredos, então não guarda senhas nem segredos: configure --secrets-key (ou CLIENTELA_SECRETS_KEY, 32 bytes em base64) em todos os processos e tente de novo.' },
    en: { title: 'Secrets key not configured', detail: 'This server uses PostgreSQL without a secrets key, so it does not store passwords or secrets: set --secrets-key (or CLIENTELA_SECRETS_KEY, 32 bytes in base64) on every process and try again.' },
    es: { title: 'Clave de secretos no configurada', detail: 'Este servidor usa PostgreSQL sin clave de secretos, así que no guarda contraseñas ni secretos: configura --secrets-key (o CLIENTELA_SECRETS_KEY, 32 bytes en base64) en todos los procesos e inténtalo de nuevo.' },
  },
  web_push_unavailable: {
    'pt-BR': { title: 'Web Push indisponível', detail: 'Este servidor não envia Web Push: configure a chave de segredos (--secrets-key) para que as chaves VAPID da loja possam ser guardadas.' },
    en: { title: 'Web Push unavailable', detail: 'This server does not send Web Push: set the secrets key (--secrets-key) so the store’s VAPID keys can be kept.' },
    es: { title: 'Web Push no disponible', detail: 'Este servidor no envía Web Push: configura la clave de secretos (--secrets-key) para que se puedan guardar las claves VAPID de la tienda.' },
  },
  // managed API keys
  read_only_key: {
    'pt-BR': { title: 'Chave somente leitura', detail: 'Esta chave secreta só pode consultar dados; para gravar, use uma chave secreta sem a restrição de somente leitura.' },
    en: { title: 'Read-only key', detail: 'This secret key may only read; to write, use a secret key that is not read-only.' },
    es: { title: 'Clave de solo lectura', detail: 'Esta clave secreta solo puede consultar datos; para escribir, usa una clave secreta sin la restricción de solo lectura.' },
  },
  api_key_self_revoke: {
    'pt-BR': { title: 'Chave em uso nesta chamada', detail: 'Uma chave não revoga a si mesma: revogue-a usando outra chave secreta (ou troque-a, e a antiga deixa de funcionar ao fim do período de transição).' },
    en: { title: 'Key in use by this call', detail: 'A key does not revoke itself: revoke it with another secret key (or rotate it, and the old one stops working when the overlap ends).' },
    es: { title: 'Clave en uso en esta llamada', detail: 'Una clave no se revoca a sí misma: revócala con otra clave secreta (o rótala, y la anterior deja de funcionar al final del período de transición).' },
  },
  api_key_inactive: {
    'pt-BR': { title: 'Chave já substituída ou revogada', detail: 'Só uma chave ativa pode ser trocada: esta já foi trocada, revogada ou expirou.' },
    en: { title: 'Key already replaced or revoked', detail: 'Only an active key can be rotated: this one was already rotated, revoked or has expired.' },
    es: { title: 'Clave ya reemplazada o revocada', detail: 'Solo una clave activa puede rotarse: esta ya fue rotada, revocada o expiró.' },
  },
  // LGPD (#18 §2)
  customer_anonymized: {
    'pt-BR': { title: 'Cliente anonimizado', detail: 'Os dados pessoais deste cliente foram apagados (LGPD): não há o que mostrar ou alterar. Pedidos e totais continuam.' },
    en: { title: 'Customer anonymized', detail: 'This customer’s personal data was erased (LGPD): there is nothing to show or change. Orders and totals remain.' },
    es: { title: 'Cliente anonimizado', detail: 'Los datos personales de este cliente se borraron (LGPD): no hay nada que mostrar ni cambiar. Los pedidos y totales siguen.' },
  },
  request_closed: {
    'pt-BR': { title: 'Solicitação encerrada', detail: 'Esta solicitação já foi concluída ou recusada.' },
    en: { title: 'Request closed', detail: 'This request was already completed or refused.' },
    es: { title: 'Solicitud cerrada', detail: 'Esta solicitud ya se completó o se rechazó.' },
  },
  // units (stores)
  duplicate_unit: {
    'pt-BR': { title: 'Unidade já cadastrada', detail: 'Já existe uma unidade com este nome ou código; `existingId` a indica.' },
    en: { title: 'Unit already registered', detail: 'A unit with this name or code already exists; `existingId` names it.' },
    es: { title: 'Unidad ya registrada', detail: 'Ya existe una unidad con este nombre o código; `existingId` la indica.' },
  },
  unit_in_use: {
    'pt-BR': { title: 'Unidade com pedidos', detail: 'Uma unidade com pedidos não é excluída: inative-a (PATCH com status "inactive"). Ela deixa de receber pedidos, e os que já tem continuam nela.' },
    en: { title: 'Unit has orders', detail: 'A unit with orders is not deleted: inactivate it (PATCH with status "inactive"). It takes no new orders, and the ones it has stay.' },
    es: { title: 'Unidad con pedidos', detail: 'Una unidad con pedidos no se elimina: inactívala (PATCH con status "inactive"). Deja de recibir pedidos y los que ya tiene se quedan.' },
  },
  duplicate_order_number: {
    'pt-BR': { title: 'Número de pedido em uso', detail: 'Já existe um pedido com este número nesta unidade; `existingId` o indica.' },
    en: { title: 'Order number in use', detail: 'An order with this number already exists in this unit; `existingId` names it.' },
    es: { title: 'Número de pedido en uso', detail: 'Ya existe un pedido con este número en esta unidad; `existingId` lo indica.' },
  },
  duplicate_external_id: {
    'pt-BR': { title: 'Código externo em uso', detail: 'Outro cliente já tem este código neste sistema; `existingId` o indica.' },
    en: { title: 'External id in use', detail: 'Another customer already has this id in this system; `existingId` names it.' },
    es: { title: 'Código externo en uso', detail: 'Otro cliente ya tiene este código en este sistema; `existingId` lo indica.' },
  },
  validation: {
    'pt-BR': { title: 'Dados inválidos', detail: 'Corrija os campos indicados e tente de novo.' },
    en: { title: 'Invalid data', detail: 'Fix the fields listed and try again.' },
    es: { title: 'Datos no válidos', detail: 'Corrige los campos indicados e inténtalo de nuevo.' },
  },
  malformed_json: {
    'pt-BR': { title: 'Requisição malformada', detail: 'O corpo não é um JSON válido.' },
    en: { title: 'Malformed request', detail: 'The body is not valid JSON.' },
    es: { title: 'Solicitud mal formada', detail: 'El cuerpo no es un JSON válido.' },
  },
  malformed_body: {
    'pt-BR': { title: 'Requisição malformada', detail: 'O corpo da requisição está vazio, incompleto ou malformado.' },
    en: { title: 'Malformed request', detail: 'The request body is empty, truncated or malformed.' },
    es: { title: 'Solicitud mal formada', detail: 'El cuerpo de la solicitud está vacío, incompleto o mal formado.' },
  },
  unauthorized: {
    'pt-BR': { title: 'Não autenticado', detail: 'Envie uma chave válida em Authorization: Bearer.' },
    en: { title: 'Unauthenticated', detail: 'Send a valid key in Authorization: Bearer.' },
    es: { title: 'No autenticado', detail: 'Envía una clave válida en Authorization: Bearer.' },
  },
  forbidden: {
    'pt-BR': { title: 'Acesso negado', detail: 'A chave publicável só acessa as rotas públicas; use a chave secreta.' },
    en: { title: 'Forbidden', detail: 'A publishable key reaches only the public routes; use the secret key.' },
    es: { title: 'Acceso denegado', detail: 'La clave publicable solo accede a las rutas públicas; usa la clave secreta.' },
  },
  not_found: {
    'pt-BR': { title: 'Não encontrado', detail: 'O recurso pedido não existe.' },
    en: { title: 'Not found', detail: 'The requested resource does not exist.' },
    es: { title: 'No encontrado', detail: 'El recurso solicitado no existe.' },
  },
  route_not_found: {
    'pt-BR': { title: 'Rota inexistente', detail: 'Nenhuma rota atende a este método e caminho.' },
    en: { title: 'No such route', detail: 'No route serves this method and path.' },
    es: { title: 'Ruta inexistente', detail: 'Ninguna ruta atiende este método y camino.' },
  },
  method_not_allowed: {
    'pt-BR': { title: 'Método não permitido', detail: 'Este recurso não aceita este método.' },
    en: { title: 'Method not allowed', detail: 'This resource does not accept this method.' },
    es: { title: 'Método no permitido', detail: 'Este recurso no acepta este método.' },
  },
  category_delete: {
    'pt-BR': { title: 'Categorias não são excluídas', detail: 'Inative a categoria (PATCH com status "inactive"): ela deixa de ser oferecida, mas continua nos clientes que já a têm.' },
    en: { title: 'Categories are not deleted', detail: 'Inactivate the category (PATCH with status "inactive"): it is no longer offered, but stays on the customers that have it.' },
    es: { title: 'Las categorías no se eliminan', detail: 'Inactiva la categoría (PATCH con status "inactive"): deja de ofrecerse, pero sigue en los clientes que ya la tienen.' },
  },
  view_built_in: {
    'pt-BR': { title: 'Visão padrão', detail: 'As visões padrão não podem ser alteradas nem excluídas; salve uma cópia com outro nome.' },
    en: { title: 'Built-in view', detail: 'Built-in views cannot be changed or deleted; save a copy under another name.' },
    es: { title: 'Vista predeterminada', detail: 'Las vistas predeterminadas no se pueden cambiar ni eliminar; guarda una copia con otro nombre.' },
  },
  duplicate_document: {
    'pt-BR': { title: 'Documento já cadastrado', detail: 'Já existe um cliente com este CPF/CNPJ.' },
    en: { title: 'Document already registered', detail: 'A customer with this CPF/CNPJ already exists.' },
    es: { title: 'Documento ya registrado', detail: 'Ya existe un cliente con este CPF/CNPJ.' },
  },
  duplicate_name: {
    'pt-BR': { title: 'Nome já usado', detail: 'Já existe uma categoria com este nome.' },
    en: { title: 'Name already used', detail: 'A category with this name already exists.' },
    es: { title: 'Nombre ya usado', detail: 'Ya existe una categoría con este nombre.' },
  },
  duplicate_email: {
    'pt-BR': { title: 'E-mail já cadastrado', detail: 'Já existe um cadastro com este e-mail. Entre com sua senha ou peça à loja um novo link de acesso.' },
    en: { title: 'E-mail already registered', detail: 'This e-mail is already registered. Sign in with your password or ask the store for a new access link.' },
    es: { title: 'Correo ya registrado', detail: 'Este correo ya está registrado. Inicia sesión con tu contraseña o pide a la tienda un nuevo enlace de acceso.' },
  },
  precondition_failed: {
    'pt-BR': { title: 'Registro alterado por outra pessoa', detail: 'O registro mudou desde que foi lido; veja "current" e tente de novo.' },
    en: { title: 'Record changed meanwhile', detail: 'The record changed since it was read; see "current" and retry.' },
    es: { title: 'Registro modificado', detail: 'El registro cambió desde que se leyó; mira "current" e inténtalo de nuevo.' },
  },
  precondition_required: {
    'pt-BR': { title: 'If-Match obrigatório', detail: 'Envie o ETag lido no cabeçalho If-Match.' },
    en: { title: 'If-Match required', detail: 'Send the ETag you read in the If-Match header.' },
    es: { title: 'If-Match obligatorio', detail: 'Envía el ETag leído en la cabecera If-Match.' },
  },
  idempotency_mismatch: {
    'pt-BR': { title: 'Idempotency-Key reutilizada', detail: 'Esta Idempotency-Key já foi usada com outro corpo.' },
    en: { title: 'Idempotency-Key reused', detail: 'This Idempotency-Key was already used with another body.' },
    es: { title: 'Idempotency-Key reutilizada', detail: 'Esta Idempotency-Key ya se usó con otro cuerpo.' },
  },
  idempotency_in_progress: {
    'pt-BR': { title: 'Requisição em andamento', detail: 'Uma requisição com esta Idempotency-Key ainda está em andamento; tente de novo em instantes.' },
    en: { title: 'Request in progress', detail: 'A request with this Idempotency-Key is still in progress; retry shortly.' },
    es: { title: 'Solicitud en curso', detail: 'Una solicitud con esta Idempotency-Key sigue en curso; inténtalo de nuevo en unos instantes.' },
  },
  customer_merged: {
    'pt-BR': { title: 'Cliente mesclado', detail: 'Este cliente foi mesclado a outro (veja mergedInto); use aquele cadastro.' },
    en: { title: 'Customer merged', detail: 'This customer was merged into another (see mergedInto); use that record.' },
    es: { title: 'Cliente fusionado', detail: 'Este cliente fue fusionado con otro (vea mergedInto); use ese registro.' },
  },
  write_conflict: {
    'pt-BR': { title: 'Registro alterado ao mesmo tempo', detail: 'Outra alteração chegou ao mesmo tempo; tente de novo.' },
    en: { title: 'Concurrent change', detail: 'Another change arrived at the same time; retry.' },
    es: { title: 'Cambio simultáneo', detail: 'Otro cambio llegó al mismo tiempo; inténtalo de nuevo.' },
  },
  payload_too_large: {
    'pt-BR': { title: 'Corpo grande demais', detail: 'O corpo da requisição passa do limite.' },
    en: { title: 'Payload too large', detail: 'The request body exceeds the limit.' },
    es: { title: 'Cuerpo demasiado grande', detail: 'El cuerpo de la solicitud supera el límite.' },
  },
  unsupported_media_type: {
    'pt-BR': { title: 'Tipo de conteúdo não suportado', detail: 'Envie CSV (text/csv), XLSX ou multipart com o campo "file".' },
    en: { title: 'Unsupported media type', detail: 'Send CSV (text/csv), XLSX or multipart with a "file" field.' },
    es: { title: 'Tipo de contenido no soportado', detail: 'Envía CSV (text/csv), XLSX o multipart con el campo "file".' },
  },
  json_required: {
    'pt-BR': { title: 'Tipo de conteúdo não suportado', detail: 'Envie o corpo em JSON, com Content-Type: application/json.' },
    en: { title: 'Unsupported media type', detail: 'Send the body as JSON, with Content-Type: application/json.' },
    es: { title: 'Tipo de contenido no soportado', detail: 'Envía el cuerpo en JSON, con Content-Type: application/json.' },
  },
  registration_closed: {
    'pt-BR': { title: 'Cadastro fechado', detail: 'Este catálogo é privado: a loja cadastra os clientes. Peça acesso à loja.' },
    en: { title: 'Registration closed', detail: 'This catalog is private: the store registers its customers. Ask the store for access.' },
    es: { title: 'Registro cerrado', detail: 'Este catálogo es privado: la tienda registra a sus clientes. Pide acceso a la tienda.' },
  },
  account_pending: {
    'pt-BR': { title: 'Cadastro em análise', detail: 'Seu pedido de cadastro aguarda a aprovação da loja. Você poderá entrar assim que for aprovado.' },
    en: { title: 'Registration under review', detail: 'Your registration is waiting for the store to approve it. You can sign in once it is approved.' },
    es: { title: 'Registro en análisis', detail: 'Tu solicitud de registro espera la aprobación de la tienda. Podrás ingresar en cuanto sea aprobada.' },
  },
  account_refused: {
    'pt-BR': { title: 'Cadastro não aprovado', detail: 'A loja não aprovou seu pedido de cadastro. Em caso de dúvida, fale com a loja.' },
    en: { title: 'Registration not approved', detail: 'The store did not approve your registration. If in doubt, contact the store.' },
    es: { title: 'Registro no aprobado', detail: 'La tienda no aprobó tu solicitud de registro. Si tienes dudas, habla con la tienda.' },
  },
  session_required: {
    'pt-BR': { title: 'Entre na sua conta', detail: 'Esta rota é da conta do cliente: envie o token da sessão em Clientela-Session.' },
    en: { title: 'Sign in first', detail: "This route belongs to a shopper's account: send the session token in Clientela-Session." },
    es: { title: 'Inicia sesión', detail: 'Esta ruta es de la cuenta del cliente: envía el token de la sesión en Clientela-Session.' },
  },
  session_expired: {
    'pt-BR': { title: 'Sessão encerrada', detail: 'Sua sessão expirou ou foi encerrada. Entre de novo com e-mail e senha.' },
    en: { title: 'Session ended', detail: 'Your session expired or was ended. Sign in again with your e-mail and password.' },
    es: { title: 'Sesión terminada', detail: 'Tu sesión caducó o se cerró. Inicia sesión de nuevo con correo y contraseña.' },
  },
  too_many_attempts: {
    'pt-BR': { title: 'Muitas tentativas', detail: 'Muitas tentativas de entrar com este e-mail. Aguarde o tempo indicado em Retry-After e tente de novo.' },
    en: { title: 'Too many attempts', detail: 'Too many sign-in attempts for this e-mail. Wait for the time given in Retry-After and try again.' },
    es: { title: 'Demasiados intentos', detail: 'Demasiados intentos de iniciar sesión con este correo. Espera el tiempo indicado en Retry-After e inténtalo de nuevo.' },
  },
  rate_limited: {
    'pt-BR': { title: 'Muitas requisições', detail: 'Aguarde o tempo indicado em Retry-After.' },
    en: { title: 'Too many requests', detail: 'Wait for the time given in Retry-After.' },
    es: { title: 'Demasiadas solicitudes', detail: 'Espera el tiempo indicado en Retry-After.' },
  },
  too_many_bad_keys: {
    'pt-BR': { title: 'Muitas chaves inválidas', detail: 'Este endereço enviou muitas chaves de API desconhecidas ou revogadas. Confira a chave e aguarde o tempo indicado em Retry-After.' },
    en: { title: 'Too many invalid keys', detail: 'This address sent too many unknown or revoked API keys. Check the key and wait for the time given in Retry-After.' },
    es: { title: 'Demasiadas claves no válidas', detail: 'Esta dirección envió demasiadas claves de API desconocidas o revocadas. Revisa la clave y espera el tiempo indicado en Retry-After.' },
  },
  unavailable: {
    'pt-BR': { title: 'Serviço indisponível', detail: 'Falha simulada (--fail-rate); tente de novo após Retry-After.' },
    en: { title: 'Service unavailable', detail: 'Simulated failure (--fail-rate); retry after Retry-After.' },
    es: { title: 'Servicio no disponible', detail: 'Fallo simulado (--fail-rate); reintenta tras Retry-After.' },
  },
  invalid_credentials: {
    'pt-BR': { title: 'E-mail ou senha incorretos', detail: 'Confira o e-mail e a senha.' },
    en: { title: 'Wrong e-mail or password', detail: 'Check the e-mail and the password.' },
    es: { title: 'Correo o contraseña incorrectos', detail: 'Revisa el correo y la contraseña.' },
  },
  token_gone: {
    'pt-BR': { title: 'Link não é mais válido', detail: 'Peça um novo convite.' },
    en: { title: 'Link no longer valid', detail: 'Ask for a new invitation.' },
    es: { title: 'El enlace ya no es válido', detail: 'Pide una nueva invitación.' },
  },
  internal: {
    'pt-BR': { title: 'Erro interno', detail: 'Erro inesperado no servidor.' },
    en: { title: 'Internal error', detail: 'Unexpected server error.' },
    es: { title: 'Error interno', detail: 'Error inesperado en el servidor.' },
  },
};

export const PROBLEM_TYPE_BASE = 'https://clientela.dev/problems/';

/** A problem+json body. */
export function problemBody(kind: ProblemKind, status: number, locale: Locale, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const text = TEXTS[kind][locale];
  return { type: `${PROBLEM_TYPE_BASE}${kind.replace(/_/g, '-')}`, title: text.title, status, detail: text.detail, ...extra };
}

/** A field issue with a localized message. */
export function fieldIssue(path: string, code: IssueCode, locale: Locale, values?: Record<string, unknown>): FieldIssue {
  return { path, code, message: issueMessage(code, locale, values) };
}

export function problemResponse(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/** Answers with a problem in the request's locale. */
export function problem(c: Context, kind: ProblemKind, status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return problemResponse(status, problemBody(kind, status, c.get('locale'), extra), headers);
}

/** A 422 with field errors. */
export function invalid(c: Context, errors: FieldIssue[]): Response {
  return problem(c, 'validation', 422, { errors });
}

/** Thrown anywhere inside a handler to answer with a problem. */
export class HttpProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly status: number,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(kind);
  }
}

/** Shorthand: throw a 422 with these field issues. */
export function fail422(errors: FieldIssue[]): never {
  throw new HttpProblem('validation', 422, { errors });
}
