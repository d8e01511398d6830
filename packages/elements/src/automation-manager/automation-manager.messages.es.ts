import type { Key } from './automation-manager.messages.js';

/** Spanish words of `<cl-automation-manager>`. */
export const table: Record<Key, string> = {
  title: 'Automatizaciones',
  note: 'Mensajes que la tienda envía sola, una vez por cliente y ocasión (el cumpleaños una vez al año, cada carrito una vez), solo a quien consintió el canal.',
  newFlow: 'Nueva automatización', editFlow: 'Editar “{name}”', name: 'Nombre', trigger: 'Cuándo', days: 'Días', hours: 'Horas',
  filter: 'Filtro (opcional)', filterHint: 'Las condiciones como en la lista de clientes. Sin condiciones: todos los clientes.', filterIs: 'Quién entra: {filter}.', filterEveryone: 'todos los clientes', delete: 'Eliminar', deleteLabel: 'Eliminar “{name}”', deleteTitle: '¿Eliminar la automatización “{name}”?', deleteText: 'Deja de enviar. Los mensajes que ya envió siguen en Mensajes.', deleted: 'Automatización “{name}” eliminada. Los mensajes que ya envió siguen en Mensajes.',
  delay: 'Esperar (horas)', delayHint: 'Después de la ocasión, de 0 a 720 horas.',
  channel: 'Canal', subject: 'Asunto', text: 'Mensaje', variables: 'Variables: {list}', enabled: 'Activa',
  create: 'Crear automatización', save: 'Guardar', cancel: 'Cancelar', edit: 'Editar', preview: 'Quién lo recibiría ahora',
  empty: 'Aún no hay automatizaciones.', loading: 'Cargando…', status: 'Estado', on: 'Activa', off: 'En pausa',
  switchLabel: 'Activar “{name}”', sent: 'Enviados', delivered: 'Entregados', orders: 'Pedidos en 7 días', figures: 'Resultados', actions: 'Acciones',
  t_customer_registered: 'Cliente registrado (bienvenida)', t_birthday: 'Cumpleaños', t_no_purchase: 'Sin compra hace N días',
  t_credit_expiring: 'Crédito que vence en N días', t_cart_abandoned: 'Carrito abandonado hace N horas',
  d_customer_registered: 'Bienvenida al registrarse', d_birthday: 'En el cumpleaños', d_no_purchase: 'Sin compra hace {n} días',
  d_credit_expiring: 'El crédito vence en {n} días', d_cart_abandoned: 'Carrito abandonado hace {n} horas',
  c_email: 'Correo', c_sms: 'SMS', c_whatsapp: 'WhatsApp', c_push: 'Push',
  created: 'Automatización “{name}” creada.', saved: 'Automatización “{name}” guardada.', paused: 'Automatización “{name}” en pausa.', resumed: 'Automatización “{name}” activada.',
  stale: 'Otra persona cambió esta automatización. La lista se recargó; revisa e inténtalo de nuevo.',
  previewResult: '“{name}”: {count} clientes lo recibirían ahora; {excluded} quedarían fuera (sin consentimiento o contacto).',
  previewNames: 'Por ejemplo: {names}.', previewNone: 'Nadie lo recibiría ahora.', required: 'Completa este campo.',
};
