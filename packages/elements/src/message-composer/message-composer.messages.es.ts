import type { Key } from './message-composer.messages.js';

/** Spanish words of `<cl-message-composer>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
  title: 'Enviar mensaje', channel: 'Canal', ch_email: 'Correo', ch_sms: 'SMS', ch_whatsapp: 'WhatsApp', ch_push: 'Push (aplicación)',
  subject: 'Asunto', text: 'Texto', textHint: 'Texto simple. Las variables, como {{primeiroNome}}, se completan para cada cliente.',
  preview: 'Vista previa', previewFor: 'Cómo lo leerá {name}', previewNeedsText: 'Escriba el texto (y el asunto, en el correo) para ver la vista previa y cuántos clientes lo recibirán.',
  previewLoading: 'Actualizando la vista previa…', previewFailed: 'No se pudo cargar la vista previa.', previewNobody: 'Ninguno de los clientes seleccionados recibirá este mensaje por este canal.',
  retry: 'Reintentar',
  willReceive: 'Recibirán', noConsent: 'Excluidos por no autorizar este canal', noContact: 'Excluidos por falta de contacto',
  noApp: 'Excluidos por no tener la aplicación', inactive: 'Excluidos por estar inactivos o bloqueados', matched: 'Clientes seleccionados',
  acknowledge: 'Leí y comprendo la responsabilidad por la violación de la legislación vigente', send: 'Enviar a {n} clientes', sending: 'Enviando…',
  sendPlain: 'Enviar', cancel: 'Cancelar',
  required: 'Complete este campo.', subjectRequired: 'Indique el asunto del correo.', unknownVariable: 'Variable desconocida: {name}.',
  ackRequired: 'Marque la declaración de responsabilidad para enviar.', sendFailed: 'El mensaje no se envió.',
  fixErrors: 'Corrija los campos indicados.',
  sentTitle: 'Mensaje enviado', sentText: '{n} clientes recibirán el mensaje; el envío se hace en segundo plano.',
  sentSkipped: '{n} clientes quedaron fuera (sin autorización, sin contacto o inactivos).', viewBatch: 'Seguir el envío', newMessage: 'Nuevo mensaje',
};
