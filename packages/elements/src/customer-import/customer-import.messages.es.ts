import type { Key } from './customer-import.messages.js';

/** Spanish words of `<cl-customer-import>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
    title: 'Importar clientes',
    intro: 'Sube una planilla CSV o XLSX con un cliente por fila. Los clientes se identifican por CPF/CNPJ: los existentes se actualizan.',
    template: 'Descarga la plantilla con las columnas esperadas:', templateCsv: 'Plantilla CSV', templateXlsx: 'Plantilla XLSX',
    drop: 'Arrastra la planilla (CSV o XLSX) aquí o', choose: 'elige un archivo',
    wrongType: 'Sube un archivo .csv o .xlsx.', checking: 'Revisando la planilla…', importing: 'Importando…',
    summary: '{total} filas: {create} nuevos, {update} actualizados, {unchanged} sin cambios, {reject} con error.',
    preview: 'Vista previa', previewCaption: 'Primeras {n} filas de la planilla', row: 'Fila', name: 'Nombre', document: 'CPF/CNPJ', outcome: 'Resultado',
    o_create: 'Nuevo', o_update: 'Actualizar', o_unchanged: 'Sin cambios', o_reject: 'Con error',
    errors: 'Errores', errorsCaption: 'Errores por fila y campo ({n})', field: 'Campo', message: 'Error', noErrors: 'No se encontraron errores.',
    confirm: 'Confirmar importación', confirmNone: 'Nada que importar', another: 'Elegir otro archivo', cancel: 'Cancelar', done: 'Importación terminada',
    created: 'Creados', updated: 'Actualizados', unchanged: 'Sin cambios', rejected: 'Rechazados',
    downloadRejected: 'Descargar filas rechazadas (CSV)', failed: 'No se pudo leer la planilla.', retry: 'Intentar de nuevo', uploadFailed: 'No se pudo enviar la planilla.',
    allUnchanged: 'Todos los clientes de esta planilla ya están actualizados.', file: 'Archivo', errorsCol: 'Errores', progress: 'Progreso',
    consent: 'Acepta recibir por', consentNone: 'Ningún canal',
};
