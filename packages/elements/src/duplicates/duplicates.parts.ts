import { catalog, type DialogKey } from './duplicates.messages.js';
import './compare-dialog.js';
import './bulk-dialog.js';

/**
 * The parts of `<cl-duplicates>` nobody needs to see the list: the comparison and the
 * confirmation of a multiple merge (internal elements, defined here), with their pt-BR words. The
 * element imports this module when a pair is opened, or ahead of need when the page is idle.
 */
export { defaultSurvivor, groupMerges } from './merge-choices.js';

/** pt-BR strings only these parts show (the en and es tables carry every key). */
const ptBR: Record<DialogKey, string> = {
  compareTitle: 'Comparar e unir', keep: 'Registro que fica', keepHint: 'O outro registro passa a apontar para este.',
  fieldsHint: 'Escolha o valor de cada campo que difere.', sameFields: 'Os demais campos são iguais nos dois registros.', none: '(vazio)',
  yes: 'Sim', no: 'Não', moves: 'Vai para o registro que fica', movesOrders: 'Pedidos', movesCredits: 'Créditos', movesConsent: 'Registros de consentimento',
  movesMessages: 'Mensagens', after: 'Depois da união: {orders} pedidos, {total} no total.', merge: 'Unir', cancel: 'Cancelar',
  bulkTitle: 'Unir os pares selecionados', bulkInto: '{merged} será unido a {survivor}', bulkConfirm: 'Unir {n}',
  categories: 'Categorias', catSurvivor: 'Registro que fica ({n})', catMerged: 'Outro registro ({n})', catAfter: 'Depois da união ({n})',
  catLeft: 'Não passam ({n})', catNone: 'nenhuma', catAutomatic: '{name} (automática: a regra decide)', catInactive: '{name} (inativa)',
  catHint: 'O registro que fica mantém as suas categorias e recebe as manuais do outro.',
};
Object.assign(catalog.messages['pt-BR'], ptBR);
