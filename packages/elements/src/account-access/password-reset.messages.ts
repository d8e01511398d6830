import { lazyMessages } from '../internal/localize.js';

// Words of the recovery steps of <cl-account-access> ("Esqueci minha senha", the link sent, the
// set-password step opened from a recovery link), apart from the sign-in words.

export type Key =
  | 'forgot' | 'forgotTitle' | 'forgotIntro' | 'sendLink' | 'sending' | 'backToSignIn'
  | 'sentTitle' | 'sentText' | 'resetTitle' | 'resetIntro' | 'askNewLink';

const ptBR: Record<Key, string> = {
  forgot: 'Esqueci minha senha',
  forgotTitle: 'Esqueci minha senha',
  forgotIntro: 'Informe seu e-mail. Enviaremos um link para cadastrar uma nova senha — também no primeiro acesso, se a loja mudou de plataforma.',
  sendLink: 'Enviar link',
  sending: 'Enviando…',
  backToSignIn: 'Voltar para o login',
  sentTitle: 'Confira seu e-mail',
  sentText: 'Se houver uma conta com o e-mail {email}, enviamos um link para cadastrar uma nova senha. O link vale por {minutes} minutos e pode ser usado uma vez.',
  resetTitle: 'Cadastre uma nova senha',
  resetIntro: 'Crie uma nova senha para a sua conta. Ao salvar, você sai da conta nos outros aparelhos.',
  askNewLink: 'Pedir um novo link',
};

/** Every language of the recovery steps: pt-BR now, en and es fetched once when asked for. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./password-reset.messages.en.js') : import('./password-reset.messages.es.js')).then((m) => m.table),
);
