import type { Key } from './registration-settings.messages.js';

/** Spanish words of `<cl-registration-settings>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
    title: 'Campos del registro', intro: 'Elija qué campos son obligatorios, opcionales u ocultos en el registro de clientes.',
    person: 'Persona física', company: 'Persona jurídica', field: 'Campo', rule: 'Regla',
    required: 'Obligatorio', optional: 'Opcional', hidden: 'Oculto', locked: 'Siempre obligatorio',
    lockedReason: 'Sin el documento y el nombre no es posible identificar al cliente, por eso estos campos no se pueden ocultar.',
    document: 'Documento', cpf: 'CPF', cnpj: 'CNPJ', firstName: 'Nombre', lastName: 'Apellido', legalName: 'Razón social',
    email: 'Correo electrónico', phone: 'Teléfono / WhatsApp', birthDate: 'Fecha de nacimiento', address: 'Dirección',
    responsible: 'Responsable (nombre y apellido)', tradeName: 'Nombre comercial', stateRegistration: 'Inscripción estatal',
    municipalRegistration: 'Inscripción municipal', save: 'Guardar configuración', saving: 'Guardando…', saved: 'Configuración guardada.',
    loading: 'Cargando…', failed: 'No fue posible guardar: {message}',
};
