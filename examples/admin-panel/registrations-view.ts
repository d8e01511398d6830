// The header's "Pedidos de cadastro": who may self-register on the catalog (open, with the store's
// approval, or closed), and the queue of registrations a private catalog waits to approve or
// refuse. The shopper learns the answer at their next sign-in.
import type { RegistrationRequest, SelfRegistration } from '@clientela/core';
import { html, render } from 'lit';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';

const client = adminClient();
const locale = (['pt-BR', 'en', 'es'].includes(lang) ? lang : 'pt-BR') as 'pt-BR' | 'en' | 'es';
const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'America/Sao_Paulo' });
const words = {
  'pt-BR': {
    open: 'Pedidos de cadastro', close: 'Fechar', mode: 'Cadastro pelo catálogo', save: 'Salvar', saved: 'Salvo.',
    m_open: 'Aberto: qualquer pessoa se cadastra e entra', m_approval: 'Privado: a loja aprova cada cadastro', m_off: 'Privado: só a loja cadastra',
    pending: 'Aguardando aprovação', none: 'Nenhum pedido aguardando.', approve: 'Aprovar', refuse: 'Recusar',
    approved: '{name} aprovado: já pode entrar.', refused: '{name} recusado: verá a resposta ao entrar.', failed: 'Não foi possível concluir.', retry: 'Tentar novamente',
  },
  en: {
    open: 'Registration requests', close: 'Close', mode: 'Registration on the catalog', save: 'Save', saved: 'Saved.',
    m_open: 'Open: anyone registers and signs in', m_approval: 'Private: the store approves each registration', m_off: 'Private: only the store registers',
    pending: 'Waiting for approval', none: 'No request waiting.', approve: 'Approve', refuse: 'Refuse',
    approved: '{name} approved: can sign in now.', refused: '{name} refused: will see the answer on signing in.', failed: 'Could not finish.', retry: 'Try again',
  },
  es: {
    open: 'Solicitudes de registro', close: 'Cerrar', mode: 'Registro en el catálogo', save: 'Guardar', saved: 'Guardado.',
    m_open: 'Abierto: cualquiera se registra e ingresa', m_approval: 'Privado: la tienda aprueba cada registro', m_off: 'Privado: solo la tienda registra',
    pending: 'Esperando aprobación', none: 'Ninguna solicitud en espera.', approve: 'Aprobar', refuse: 'Rechazar',
    approved: '{name} aprobado: ya puede ingresar.', refused: '{name} rechazado: verá la respuesta al ingresar.', failed: 'No se pudo completar.', retry: 'Intentar de nuevo',
  },
}[locale];

let mode: SelfRegistration = 'open';
// The mode is unknown until the dialog's look-up answers: the choice waits for it, so a pick made
// meanwhile is never overwritten by the answer (and then saved as the old mode).
let loaded = false;
let items: RegistrationRequest[] = [];
let message = '';
let retry: (() => void) | undefined;
let dialog: HTMLDialogElement | undefined;

async function attempt(run: () => Promise<void>): Promise<void> {
  message = '';
  retry = undefined;
  draw();
  try {
    await run();
  } catch (error) {
    message = `${words.failed} ${(error as Error).message ?? ''}`;
    retry = () => void attempt(run);
  }
  draw();
}

const load = () =>
  attempt(async () => {
    [mode, items] = await Promise.all([client.settings.retrieveCatalog().then((c) => c.selfRegistration), client.customers.registrationRequests({ status: 'pending' })]);
    loaded = true;
  });

function decide(r: RegistrationRequest, decision: 'approve' | 'refuse'): void {
  void attempt(async () => {
    await client.customers.decideRegistration(r.customerId, decision);
    items = items.filter((x) => x.customerId !== r.customerId);
    message = words[decision === 'approve' ? 'approved' : 'refused'].replace('{name}', r.name);
  });
}

function draw(): void {
  if (!dialog) return;
  render(
    html`<div class="tools-bar"><h2 id="registrations-title">${words.open}</h2><button type="button" @click=${() => dialog?.close()}>${words.close}</button></div>
      <form class="registrations-mode" aria-busy=${loaded ? 'false' : 'true'} @submit=${(e: Event) => {
        e.preventDefault();
        const value = (dialog!.querySelector('select[name=selfRegistration]') as HTMLSelectElement).value as SelfRegistration;
        void attempt(async () => {
          mode = (await client.settings.updateCatalog({ selfRegistration: value })).selfRegistration;
          message = words.saved;
        });
      }}>
        <label for="self-registration">${words.mode}</label>
        <select id="self-registration" name="selfRegistration" .value=${mode} ?disabled=${!loaded}>
          ${(['open', 'approval', 'off'] as const).map((m) => html`<option value=${m} ?selected=${m === mode}>${words[`m_${m}`]}</option>`)}
        </select>
        <button type="submit" ?disabled=${!loaded}>${words.save}</button>
      </form>
      <p role="status" class="registrations-status">${message} ${retry ? html`<button type="button" @click=${retry}>${words.retry}</button>` : ''}</p>
      <h3>${words.pending}</h3>
      ${items.length
        ? html`<ul class="registrations">${items.map(
            (r) => html`<li data-request=${r.customerId}>
              <span><strong>${r.name}</strong> ${r.email ?? ''} <time datetime=${r.requestedAt}>${when.format(new Date(r.requestedAt))}</time></span>
              <span><button type="button" @click=${() => decide(r, 'approve')}>${words.approve}</button>
              <button type="button" @click=${() => decide(r, 'refuse')}>${words.refuse}</button></span>
            </li>`,
          )}</ul>`
        : html`<p>${words.none}</p>`}`,
    dialog,
  );
}

const style = document.createElement('style');
style.textContent = `
  .registrations-mode { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  .registrations-mode select, #registrations-dialog button { min-height: 44px; font: inherit; }
  .registrations { list-style: none; padding: 0; margin: 0; }
  .registrations li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; padding: 0.5rem 0; border-bottom: 1px solid var(--cl-color-border, #c9d1dc); }
`;
document.head.append(style);

const button = document.createElement('button');
button.type = 'button';
button.id = 'open-registrations';
button.textContent = words.open;
button.addEventListener('click', () => {
  dialog?.remove();
  dialog = document.createElement('dialog');
  dialog.id = 'registrations-dialog';
  dialog.setAttribute('aria-labelledby', 'registrations-title');
  dialog.addEventListener('close', () => {
    dialog?.remove();
    dialog = undefined;
    loaded = false;
  });
  document.querySelector('#dialogs')!.append(dialog);
  dialog.showModal();
  loaded = false;
  void load();
});
document.querySelector('#new-customer')?.before(button);
