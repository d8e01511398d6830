import type { Key } from './password-reset.messages.js';

/** Spanish words of the recovery steps of `<cl-account-access>`. */
export const table: Record<Key, string> = {
  forgot: 'Olvidé mi contraseña',
  forgotTitle: 'Olvidé mi contraseña',
  forgotIntro: 'Indica tu correo. Te enviaremos un enlace para crear una nueva contraseña — también en el primer acceso, si la tienda cambió de plataforma.',
  sendLink: 'Enviar enlace',
  sending: 'Enviando…',
  backToSignIn: 'Volver al inicio de sesión',
  sentTitle: 'Revisa tu correo',
  sentText: 'Si hay una cuenta con el correo {email}, enviamos un enlace para crear una nueva contraseña. El enlace vale por {minutes} minutos y se puede usar una vez.',
  resetTitle: 'Crea una nueva contraseña',
  resetIntro: 'Crea una nueva contraseña para tu cuenta. Al guardarla, se cierra tu sesión en los otros dispositivos.',
  askNewLink: 'Pedir un nuevo enlace',
};
