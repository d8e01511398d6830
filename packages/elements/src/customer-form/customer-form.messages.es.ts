import type { Key } from './customer-form.messages.js';

export const table: Record<Key, string> = {
    kind: 'Tipo de registro', person: 'Persona física', company: 'Persona jurídica',
    personal: 'Datos personales', companyData: 'Datos de la empresa', responsible: 'Responsable', contact: 'Contacto', address: 'Dirección',
    firstName: 'Nombre', lastName: 'Apellido', cpf: 'CPF', birthDate: 'Fecha de nacimiento', email: 'Correo electrónico', phone: 'Teléfono',
    whatsapp: 'Este número es WhatsApp',
    legalName: 'Razón social', tradeName: 'Nombre comercial', cnpj: 'CNPJ', cnpjHint: 'Números, o letras y números (CNPJ alfanumérico).',
    stateRegistration: 'Inscripción estatal', exempt: 'Exento', municipalRegistration: 'Inscripción municipal',
    responsibleFirstName: 'Nombre del responsable', responsibleLastName: 'Apellido del responsable', responsiblePhone: 'WhatsApp/Teléfono',
    postalCode: 'CEP (código postal)', street: 'Calle', number: 'Número', complement: 'Complemento', district: 'Barrio', city: 'Ciudad', state: 'Estado', choose: 'Seleccione',
    cepLooking: 'Buscando la dirección…', cepFound: 'Dirección completada por el CEP. Revísela y complétela.', cepNotFound: 'CEP no encontrado. Escriba la dirección.',
    cepFailed: 'No fue posible buscar el CEP ahora. Escriba la dirección.',
    categories: 'Categorías', consent: 'Acepta recibir comunicaciones por', consentEmail: 'Correo', consentSms: 'SMS', consentWhatsapp: 'WhatsApp',
    password: 'Contraseña', passwordConfirm: 'Confirme la contraseña', passwordHint: 'Opcional. Al menos 8 caracteres; combine letras, números y símbolos.',
    passwordWeak: 'Contraseña débil', passwordFair: 'Contraseña aceptable', passwordStrong: 'Contraseña fuerte', passwordMismatch: 'Las contraseñas no coinciden.',
    optional: '(opcional)', required: '(obligatorio)', create: 'Registrar cliente', save: 'Guardar cambios', register: 'Crear cuenta', saving: 'Guardando…', reset: 'Limpiar',
    summary: 'Corrija {count} campos para continuar:', summaryOne: 'Corrija 1 campo para continuar:',
    created: 'Cliente registrado.', saved: 'Cambios guardados.', registered: 'Cuenta creada. ¡Bienvenido!',
    duplicate: 'Ya existe un cliente con este documento.', openExisting: 'Abrir el cliente existente',
    stale: 'Otra persona modificó este cliente.', reload: 'Recargar datos', overwrite: 'Sobrescribir',
    loading: 'Cargando…', loadFailed: 'No fue posible cargar el formulario.', failed: 'No fue posible guardar. Inténtelo de nuevo.',
  };
