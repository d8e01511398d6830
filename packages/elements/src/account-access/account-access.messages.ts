import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'signInTitle' | 'signInIntro' | 'email' | 'password' | 'signIn' | 'signingIn' | 'badCredentials'
  | 'invitedTitle' | 'invitedIntro' | 'claimTitle' | 'claimIntro' | 'migratedTitle' | 'migratedIntro' | 'newPassword' | 'confirmPassword'
  | 'passwordHint' | 'setPassword' | 'saving' | 'mismatch' | 'weak' | 'required' | 'invalidEmail'
  | 'expiredTitle' | 'expiredText' | 'usedTitle' | 'usedText' | 'invalidTitle' | 'invalidText' | 'goSignIn'
  | 'passwordSet' | 'signedInTitle' | 'signedInText' | 'signOut' | 'tooMany' | 'failed' | 'showPassword' | 'hidePassword'
  | 'sessionEnded' | 'signedOut';

/** pt-BR wording follows the catalog help articles ("cadastrar uma nova senha", "menu Conta"). */
const ptBR: Record<Key, string> = {
    signInTitle: 'Entrar',
    signInIntro: 'Acesse com seu e-mail e senha para ver o catálogo e seus pedidos.',
    email: 'E-mail',
    password: 'Senha',
    signIn: 'Entrar',
    signingIn: 'Entrando…',
    badCredentials: 'E-mail ou senha incorretos.',
    claimTitle: 'Conclua seu cadastro',
    claimIntro: 'A loja já tinha seus dados. Crie uma senha para concluir: seus pedidos e créditos continuam no mesmo cadastro.',
    invitedTitle: 'Cadastre sua senha',
    invitedIntro: 'A loja cadastrou você. Crie uma senha para acessar o catálogo e ver seus pedidos.',
    migratedTitle: 'Cadastre uma nova senha',
    migratedIntro: 'A loja mudou de plataforma. No primeiro acesso, cadastre uma nova senha.',
    newPassword: 'Nova senha',
    confirmPassword: 'Confirme a nova senha',
    passwordHint: 'Pelo menos 8 caracteres.',
    setPassword: 'Salvar senha e entrar',
    saving: 'Salvando…',
    mismatch: 'As senhas não conferem.',
    weak: 'A senha deve ter pelo menos 8 caracteres.',
    required: 'Preencha este campo.',
    invalidEmail: 'Informe um e-mail válido.',
    expiredTitle: 'Link expirado',
    expiredText: 'Este link de acesso expirou. Peça um novo link à loja.',
    usedTitle: 'Link já utilizado',
    usedText: 'Este link de acesso já foi usado. Entre com seu e-mail e senha, ou peça um novo link à loja.',
    invalidTitle: 'Link inválido',
    invalidText: 'Este link de acesso não é válido. Confira o endereço ou peça um novo link à loja.',
    goSignIn: 'Ir para o login',
    passwordSet: 'Senha cadastrada. Entre com seu e-mail e a nova senha.',
    signedInTitle: 'Você entrou',
    signedInText: 'Olá, {name}.',
    signOut: 'Sair',
    tooMany: 'Muitas tentativas. Aguarde um pouco e tente de novo.',
    failed: 'Não foi possível concluir. Tente de novo.',
    showPassword: 'Mostrar senha',
    hidePassword: 'Ocultar senha',
    sessionEnded: 'Sua sessão terminou. Entre de novo com seu e-mail e senha.',
    signedOut: 'Você saiu da sua conta.',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./account-access.messages.en.js') : import('./account-access.messages.es.js')).then((m) => m.table),
);
