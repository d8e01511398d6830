// The header's "Webhooks": register an endpoint (its signing secret shown once, with a copy
// button), list the endpoints, enable or disable one, and read its deliveries with every attempt
// (time, answer, duration), redelivering one by hand. The deliveries list refreshes itself every
// few seconds while it is open, so a retry the server makes shows up without a click.
import { EVENT_TYPES, type EventType, type WebhookDelivery, type WebhookEndpoint, type WebhookEndpointWithSecret } from '@clientela/core';
import { html, nothing, render } from 'lit';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';

const client = adminClient();
const locale = (['pt-BR', 'en', 'es'].includes(lang) ? lang : 'pt-BR') as 'pt-BR' | 'en' | 'es';
const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'America/Sao_Paulo' });
const ms = new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' });
const REFRESH_MS = 2000;

const words = {
  'pt-BR': {
    open: 'Webhooks', close: 'Fechar', intro: 'Outros sistemas (ERP, PDV) recebem cada mudança como um POST assinado. Verifique a assinatura com verifyWebhookSignature do @clientela/core.',
    url: 'URL do endpoint', description: 'Descrição (opcional)', types: 'Eventos enviados', create: 'Criar endpoint',
    secretTitle: 'Chave de assinatura', secretNote: 'Guarde esta chave agora: ela não será mostrada de novo.', copy: 'Copiar chave', copied: 'Chave copiada.',
    endpoints: 'Endpoints', none: 'Nenhum endpoint cadastrado.', enabled: 'Ativo', disabled: 'Desativado', enable: 'Ativar', disable: 'Desativar',
    deliveries: 'Entregas', deliveriesOf: 'Entregas para {n}', noDeliveries: 'Nenhuma entrega ainda.', refresh: 'Atualizar', redeliver: 'Reenviar',
    event: 'Evento', status: 'Situação', attempts: 'Tentativas', next: 'Próxima tentativa', pending: 'Pendente', succeeded: 'Entregue', failed: 'Falhou',
    manual: 'reenvio manual', noAnswer: 'sem resposta', loading: 'Carregando…', failedLoad: 'Não foi possível falar com o servidor.', retry: 'Tentar novamente',
    created: 'Endpoint criado.', requeued: 'Reenvio pedido.', saved: 'Endpoint {n}.',
  },
  en: {
    open: 'Webhooks', close: 'Close', intro: 'Other systems (ERP, point of sale) receive every change as a signed POST. Verify the signature with verifyWebhookSignature from @clientela/core.',
    url: 'Endpoint URL', description: 'Description (optional)', types: 'Events sent', create: 'Create endpoint',
    secretTitle: 'Signing secret', secretNote: 'Keep this secret now: it will not be shown again.', copy: 'Copy secret', copied: 'Secret copied.',
    endpoints: 'Endpoints', none: 'No endpoint yet.', enabled: 'Enabled', disabled: 'Disabled', enable: 'Enable', disable: 'Disable',
    deliveries: 'Deliveries', deliveriesOf: 'Deliveries to {n}', noDeliveries: 'No delivery yet.', refresh: 'Refresh', redeliver: 'Redeliver',
    event: 'Event', status: 'Status', attempts: 'Attempts', next: 'Next attempt', pending: 'Pending', succeeded: 'Delivered', failed: 'Failed',
    manual: 'manual redelivery', noAnswer: 'no answer', loading: 'Loading…', failedLoad: 'Could not reach the server.', retry: 'Try again',
    created: 'Endpoint created.', requeued: 'Redelivery requested.', saved: 'Endpoint {n}.',
  },
  es: {
    open: 'Webhooks', close: 'Cerrar', intro: 'Otros sistemas (ERP, punto de venta) reciben cada cambio como un POST firmado. Verifica la firma con verifyWebhookSignature de @clientela/core.',
    url: 'URL del endpoint', description: 'Descripción (opcional)', types: 'Eventos enviados', create: 'Crear endpoint',
    secretTitle: 'Clave de firma', secretNote: 'Guarda esta clave ahora: no se volverá a mostrar.', copy: 'Copiar clave', copied: 'Clave copiada.',
    endpoints: 'Endpoints', none: 'Ningún endpoint registrado.', enabled: 'Activo', disabled: 'Desactivado', enable: 'Activar', disable: 'Desactivar',
    deliveries: 'Entregas', deliveriesOf: 'Entregas a {n}', noDeliveries: 'Ninguna entrega todavía.', refresh: 'Actualizar', redeliver: 'Reenviar',
    event: 'Evento', status: 'Estado', attempts: 'Intentos', next: 'Próximo intento', pending: 'Pendiente', succeeded: 'Entregada', failed: 'Fallida',
    manual: 'reenvío manual', noAnswer: 'sin respuesta', loading: 'Cargando…', failedLoad: 'No se pudo hablar con el servidor.', retry: 'Intentar de nuevo',
    created: 'Endpoint creado.', requeued: 'Reenvío solicitado.', saved: 'Endpoint {n}.',
  },
}[locale];
const t = (key: keyof typeof words, n?: string) => words[key].replace('{n}', n ?? '');

const DEFAULT_TYPES: EventType[] = ['customer.created', 'customer.updated', 'customer.deleted'];

let dialog: HTMLDialogElement | undefined;
let endpoints: WebhookEndpoint[] = [];
let secret: WebhookEndpointWithSecret | undefined;
let selected: WebhookEndpoint | undefined;
let deliveries: WebhookDelivery[] = [];
let status = '';
let failure: (() => void) | undefined;
let timer: ReturnType<typeof setInterval> | undefined;

async function attempt(run: () => Promise<void>): Promise<void> {
  failure = undefined;
  draw();
  try {
    await run();
  } catch (error) {
    const detail = (error as { problem?: { errors?: { message: string }[] } }).problem?.errors?.map((e) => e.message).join(' ');
    status = detail || t('failedLoad');
    failure = () => void attempt(run);
  }
  draw();
}

const loadEndpoints = () =>
  attempt(async () => {
    endpoints = await client.webhookEndpoints.list();
  });

const loadDeliveries = async () => {
  if (!selected) return;
  deliveries = (await client.webhookEndpoints.deliveries(selected.id, { limit: 50 })).items;
};

function showDeliveries(endpoint: WebhookEndpoint): void {
  selected = endpoint;
  deliveries = [];
  if (timer) clearInterval(timer);
  // Retries happen on the server's schedule: the list follows them while it is open.
  timer = setInterval(() => void loadDeliveries().then(draw, () => undefined), REFRESH_MS);
  void attempt(loadDeliveries);
}

function create(form: HTMLFormElement): void {
  const data = new FormData(form);
  const eventTypes = data.getAll('eventTypes') as EventType[];
  const description = String(data.get('description') ?? '').trim();
  void attempt(async () => {
    secret = await client.webhookEndpoints.create({ url: String(data.get('url') ?? '').trim(), eventTypes, ...(description ? { description } : {}) });
    status = t('created');
    form.reset();
    endpoints = await client.webhookEndpoints.list();
  });
}

function toggle(endpoint: WebhookEndpoint): void {
  void attempt(async () => {
    const next = await client.webhookEndpoints.update(endpoint, { enabled: !endpoint.enabled });
    endpoints = endpoints.map((e) => (e.id === next.id ? next : e));
    if (selected?.id === next.id) selected = next;
    status = t('saved', next.enabled ? t('enabled').toLowerCase() : t('disabled').toLowerCase());
  });
}

function redeliver(d: WebhookDelivery): void {
  void attempt(async () => {
    await client.webhookEndpoints.redeliver(d.endpointId, d.id);
    status = t('requeued');
    await loadDeliveries();
  });
}

function attemptText(a: WebhookDelivery['attempts'][number]): string {
  const answer = a.statusCode !== undefined ? `HTTP ${a.statusCode}` : (a.error ?? t('noAnswer'));
  return `${when.format(new Date(a.at))} — ${answer} — ${ms.format(a.durationMs)}${a.manual ? ` (${t('manual')})` : ''}`;
}

function draw(): void {
  if (!dialog) return;
  render(
    html`<div class="tools-bar"><h2 id="webhooks-title">${t('open')}</h2><button type="button" @click=${() => dialog?.close()}>${t('close')}</button></div>
      <p>${t('intro')}</p>
      <form class="webhook-create" @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        create(e.currentTarget as HTMLFormElement);
      }}>
        <label>${t('url')} <input name="url" type="url" required placeholder="https://erp.example.com/hooks/clientela" autocomplete="url" /></label>
        <label>${t('description')} <input name="description" maxlength="200" /></label>
        <fieldset>
          <legend>${t('types')}</legend>
          ${EVENT_TYPES.map(
            (type) => html`<label class="webhook-type"><input type="checkbox" name="eventTypes" value=${type} ?checked=${DEFAULT_TYPES.includes(type)} /> <code>${type}</code></label>`,
          )}
        </fieldset>
        <button type="submit" class="primary">${t('create')}</button>
      </form>
      <p role="status" class="webhooks-status">${status} ${failure ? html`<button type="button" @click=${failure}>${t('retry')}</button>` : nothing}</p>
      ${secret
        ? html`<section class="webhook-secret" aria-labelledby="webhook-secret-title">
            <h3 id="webhook-secret-title">${t('secretTitle')}</h3>
            <p>${t('secretNote')}</p>
            <p><code data-secret>${secret.secret}</code>
              <button type="button" @click=${() => void navigator.clipboard?.writeText(secret!.secret).then(() => ((status = t('copied')), draw()))}>${t('copy')}</button></p>
          </section>`
        : nothing}
      <h3>${t('endpoints')}</h3>
      ${endpoints.length
        ? html`<ul class="webhook-endpoints">${endpoints.map(
            (e) => html`<li data-endpoint=${e.id}>
              <span><strong>${e.url}</strong> ${e.description ? html`— ${e.description}` : nothing}
                <span class="webhook-state">${e.enabled ? t('enabled') : t('disabled')}</span><br />
                <small>${e.eventTypes.join(', ')}</small></span>
              <span class="webhook-actions">
                <button type="button" @click=${() => toggle(e)}>${e.enabled ? t('disable') : t('enable')}</button>
                <button type="button" aria-pressed=${selected?.id === e.id ? 'true' : 'false'} @click=${() => showDeliveries(e)}>${t('deliveries')}</button>
              </span>
            </li>`,
          )}</ul>`
        : html`<p>${t('none')}</p>`}
      ${selected
        ? html`<section class="webhook-deliveries" aria-labelledby="webhook-deliveries-title">
            <div class="tools-bar"><h3 id="webhook-deliveries-title">${t('deliveriesOf', selected.url)}</h3>
              <button type="button" @click=${() => void attempt(loadDeliveries)}>${t('refresh')}</button></div>
            ${deliveries.length
              ? html`<table>
                  <thead><tr><th scope="col">${t('event')}</th><th scope="col">${t('status')}</th><th scope="col">${t('attempts')}</th><th scope="col">${t('next')}</th><th scope="col"><span class="visually-hidden">${t('redeliver')}</span></th></tr></thead>
                  <tbody>${deliveries.map(
                    (d) => html`<tr data-delivery=${d.id} data-status=${d.status}>
                      <td><code>${d.eventType}</code></td>
                      <td>${t(d.status)}</td>
                      <td><ol class="webhook-attempts">${d.attempts.map((a) => html`<li data-attempt>${attemptText(a)}</li>`)}</ol></td>
                      <td>${d.nextAttemptAt ? html`<time datetime=${d.nextAttemptAt}>${when.format(new Date(d.nextAttemptAt))}</time>` : '—'}</td>
                      <td><button type="button" @click=${() => redeliver(d)}>${t('redeliver')}</button></td>
                    </tr>`,
                  )}</tbody>
                </table>`
              : html`<p>${t('noDeliveries')}</p>`}
          </section>`
        : nothing}`,
    dialog,
  );
}

const style = document.createElement('style');
style.textContent = `
  .webhook-create { display: grid; gap: 0.5rem; max-width: 48rem; }
  .webhook-create label { display: grid; gap: 0.25rem; }
  .webhook-create input:not([type=checkbox]), #webhooks-dialog button { min-height: 44px; font: inherit; }
  .webhook-create fieldset { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
  .webhook-create label.webhook-type { display: flex; align-items: center; gap: 0.25rem; min-height: 32px; }
  .webhook-secret { border: 2px solid var(--cl-color-accent, #0b5cad); border-radius: 8px; padding: 0 0.75rem; margin: 0.75rem 0; }
  .webhook-secret code { word-break: break-all; }
  .webhook-endpoints { list-style: none; padding: 0; margin: 0; }
  .webhook-endpoints li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; padding: 0.5rem 0; border-bottom: 1px solid var(--cl-color-border, #c9d1dc); }
  .webhook-state { margin-inline-start: 0.5rem; font-weight: 600; }
  .webhook-deliveries table { width: 100%; border-collapse: collapse; }
  .webhook-deliveries th, .webhook-deliveries td { text-align: start; vertical-align: top; padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--cl-color-border, #c9d1dc); }
  .webhook-attempts { margin: 0; padding-inline-start: 1.25rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
document.head.append(style);

const button = document.createElement('button');
button.type = 'button';
button.id = 'open-webhooks';
button.textContent = t('open');
button.addEventListener('click', () => {
  dialog?.remove();
  dialog = document.createElement('dialog');
  dialog.id = 'webhooks-dialog';
  dialog.setAttribute('aria-labelledby', 'webhooks-title');
  dialog.addEventListener('close', () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    dialog?.remove();
    dialog = undefined;
    secret = undefined;
    selected = undefined;
    status = '';
  });
  document.querySelector('#dialogs')!.append(dialog);
  dialog.showModal();
  void loadEndpoints();
});
document.querySelector('#new-customer')?.before(button);
