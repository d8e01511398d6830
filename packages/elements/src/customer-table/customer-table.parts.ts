import type { ActionKey } from './customer-table.messages.js';
import { messages } from './customer-table.messages.js';
import './column-menu.js';
import './bulk-bar.js';
import './delete-dialog.js';

/**
 * The parts of `<cl-customer-table>` nobody needs for the first rows: the column menu, the bulk
 * bar, the delete dialog (internal elements, defined here) and the export. The table loads this
 * module with a dynamic import right after its first page, so the list paints without them.
 */
export { exportFile } from './export-file.js';

/** pt-BR strings only these parts show (en and es tables carry every key). */
const ptBR: Record<ActionKey, string> = {
  columnsMenu: 'Configurar colunas',
  pin: 'Fixar {name}',
  pinHint: 'Fixe até 5 colunas no início.',
  moveUp: 'Subir {name}',
  moveDown: 'Descer {name}',
  close: 'Fechar',
  selected: '{n} selecionados',
  selectAllMatching: 'Selecionar todos os {n} clientes',
  allMatchingSelected: 'Todos os {n} clientes estão selecionados.',
  allMatchingExcept: 'Todos os {n} clientes do filtro, exceto {x} desmarcados.',
  clearSelection: 'Limpar seleção',
  bulk: 'Ações em massa',
  category: 'Categoria',
  addCategory: 'Adicionar à categoria',
  removeCategory: 'Remover da categoria',
  newStatus: 'Nova situação',
  setStatus: 'Alterar situação',
  delete: 'Excluir',
  deleteTitle: 'Excluir {n} clientes?',
  deleteText: 'Os clientes ficam com a situação "Excluído"; o histórico é mantido. Para confirmar, digite {word}.',
  deleteWord: 'EXCLUIR',
  confirmWord: 'Palavra de confirmação',
  cancel: 'Cancelar',
  exported: 'Arquivo {name} baixado',
  exporting: 'Gerando o arquivo {format}…',
  exportProgress: 'Exportando: {n} de {total} linhas',
  exportCancelled: 'Exportação cancelada.',
  exportFailed: 'Não foi possível concluir "{what}".',
  sendMessage: 'Enviar mensagem',
};
Object.assign(messages['pt-BR'], ptBR);
