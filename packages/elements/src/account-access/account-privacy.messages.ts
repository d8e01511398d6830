import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'consentTitle' | 'consentIntro' | 'save' | 'saved' | 'downloadTitle' | 'downloadText' | 'download' | 'downloaded'
  | 'deleteTitle' | 'deleteText' | 'delete' | 'deleteConfirm' | 'deleteYes' | 'cancel' | 'deleteOpened' | 'requests' | 'noRequests'
  | 'due' | 'loading';

/** The words of the privacy panel of "Minha conta" (LGPD): consent, "Baixar meus dados", "Excluir minha conta". */
const ptBR: Record<Key, string> = {
  title: 'Privacidade', consentTitle: 'Comunicações', consentIntro: 'Escolha por onde aceita receber ofertas e novidades. Você pode mudar quando quiser.',
  save: 'Salvar preferências', saved: 'Preferências salvas.',
  downloadTitle: 'Baixar meus dados', downloadText: 'Um arquivo com tudo o que a loja guarda sobre você: cadastro, pedidos, créditos, consentimentos e mensagens.',
  download: 'Baixar meus dados', downloaded: 'Arquivo baixado.',
  deleteTitle: 'Excluir minha conta', deleteText: 'A loja apaga seus dados pessoais; pedidos e valores ficam, sem identificar você. A loja tem até 15 dias para responder.',
  delete: 'Excluir minha conta', deleteConfirm: 'Tem certeza? Depois de atendido, o pedido não pode ser desfeito.', deleteYes: 'Sim, pedir a exclusão', cancel: 'Cancelar',
  deleteOpened: 'Pedido de exclusão registrado. Prazo da loja: {date}.', requests: 'Seus pedidos', noRequests: 'Nenhum pedido.', due: 'prazo {date}', loading: 'Carregando…',
};

export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./account-privacy.messages.en.js') : import('./account-privacy.messages.es.js')).then((m) => m.table),
);
