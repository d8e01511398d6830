// The settings' "Chaves de API" section: the store's managed keys (name, kind, prefix…last 4,
// created, last used, status), a form that makes one (the key shown once, with a copy button and a
// warning), a rotation (the successor shown once, and until when the old key still works) and a
// revocation, each confirmed in place before it is sent. The development keys the server was
// started with are configuration and are not listed.
import type { ApiKey, ApiKeyKind, ApiKeyWithSecret, ClientelaClient } from '@clientela/core';
import { API_KEY_OVERLAP_HOURS } from '@clientela/core/schemas';
import { html, nothing, render } from 'lit';
import { lang } from '../shared.js';

const locale = (['pt-BR', 'en', 'es'].includes(lang) ? lang : 'pt-BR') as 'pt-BR' | 'en' | 'es';
const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'America/Sao_Paulo' });
const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' });

const words = {
  'pt-BR': {
    title: 'Chaves de API',
    intro: 'Chaves para outros sistemas (ERP, PDV, loja virtual) acessarem a API. A chave publicável só acessa as rotas públicas; a secreta acessa tudo, ou só leitura.',
    name: 'Nome da chave', kind: 'Tipo', secret: 'Secreta', readOnly: 'Secreta, somente leitura', publishable: 'Publicável', create: 'Criar chave',
    onceTitle: 'Copie a chave agora', onceNote: 'Esta é a única vez que a chave aparece: o servidor guarda só um resumo dela. Guarde-a em um cofre de senhas; quem a tiver acessa os dados dos clientes.',
    copy: 'Copiar chave', copied: 'Chave copiada.', done: 'Já guardei a chave', oldUntil: 'A chave anterior continua funcionando até {n}.', oldEnded: 'A chave anterior já deixou de funcionar.',
    list: 'Chaves', none: 'Nenhuma chave criada. As chaves de desenvolvimento do servidor continuam valendo.',
    key: 'Chave', created: 'Criada em', lastUsed: 'Último uso', never: 'Nunca', status: 'Situação', actions: 'Ações',
    active: 'Ativa', expiring: 'Em troca, vale até {n}', expired: 'Expirada', revoked: 'Revogada',
    rotate: 'Trocar', revoke: 'Revogar', cancel: 'Cancelar',
    rotateAsk: 'Trocar a chave {n}? Uma nova chave é criada; a atual continua funcionando por:', overlap: 'Período de transição', now: 'Parar agora',
    rotateNow: 'Trocar chave', revokeAsk: 'Revogar a chave {n}? Os sistemas que a usam deixam de funcionar na hora, e isso não se desfaz.', revokeNow: 'Revogar agora',
    madeOne: 'Chave {n} criada.', rotated: 'Chave {n} trocada.', revokedOne: 'Chave {n} revogada.',
    loading: 'Carregando…', failed: 'Não foi possível falar com o servidor.', retry: 'Tentar novamente',
  },
  en: {
    title: 'API keys',
    intro: 'Keys for other systems (ERP, point of sale, online store) to reach the API. A publishable key reaches only the public routes; a secret key reaches everything, or only reads.',
    name: 'Key name', kind: 'Kind', secret: 'Secret', readOnly: 'Secret, read-only', publishable: 'Publishable', create: 'Create key',
    onceTitle: 'Copy the key now', onceNote: 'This is the only time the key is shown: the server keeps only a digest of it. Keep it in a password vault; whoever holds it reaches the customers’ data.',
    copy: 'Copy key', copied: 'Key copied.', done: 'I have stored the key', oldUntil: 'The old key keeps working until {n}.', oldEnded: 'The old key has already stopped working.',
    list: 'Keys', none: 'No key yet. The server’s development keys still work.',
    key: 'Key', created: 'Created', lastUsed: 'Last used', never: 'Never', status: 'Status', actions: 'Actions',
    active: 'Active', expiring: 'Rotating, works until {n}', expired: 'Expired', revoked: 'Revoked',
    rotate: 'Rotate', revoke: 'Revoke', cancel: 'Cancel',
    rotateAsk: 'Rotate the key {n}? A new key is made; the current one keeps working for:', overlap: 'Overlap', now: 'Stop now',
    rotateNow: 'Rotate key', revokeAsk: 'Revoke the key {n}? The systems that use it stop working at once, and this cannot be undone.', revokeNow: 'Revoke now',
    madeOne: 'Key {n} created.', rotated: 'Key {n} rotated.', revokedOne: 'Key {n} revoked.',
    loading: 'Loading…', failed: 'Could not reach the server.', retry: 'Try again',
  },
  es: {
    title: 'Claves de API',
    intro: 'Claves para que otros sistemas (ERP, punto de venta, tienda online) accedan a la API. La clave publicable solo accede a las rutas públicas; la secreta accede a todo, o solo lectura.',
    name: 'Nombre de la clave', kind: 'Tipo', secret: 'Secreta', readOnly: 'Secreta, solo lectura', publishable: 'Publicable', create: 'Crear clave',
    onceTitle: 'Copia la clave ahora', onceNote: 'Esta es la única vez que la clave aparece: el servidor guarda solo un resumen. Guárdala en un gestor de contraseñas; quien la tenga accede a los datos de los clientes.',
    copy: 'Copiar clave', copied: 'Clave copiada.', done: 'Ya guardé la clave', oldUntil: 'La clave anterior sigue funcionando hasta {n}.', oldEnded: 'La clave anterior ya dejó de funcionar.',
    list: 'Claves', none: 'Ninguna clave creada. Las claves de desarrollo del servidor siguen valiendo.',
    key: 'Clave', created: 'Creada', lastUsed: 'Último uso', never: 'Nunca', status: 'Estado', actions: 'Acciones',
    active: 'Activa', expiring: 'En rotación, vale hasta {n}', expired: 'Expirada', revoked: 'Revocada',
    rotate: 'Rotar', revoke: 'Revocar', cancel: 'Cancelar',
    rotateAsk: '¿Rotar la clave {n}? Se crea una clave nueva; la actual sigue funcionando durante:', overlap: 'Período de transición', now: 'Detener ahora',
    rotateNow: 'Rotar clave', revokeAsk: '¿Revocar la clave {n}? Los sistemas que la usan dejan de funcionar al instante, y no se puede deshacer.', revokeNow: 'Revocar ahora',
    madeOne: 'Clave {n} creada.', rotated: 'Clave {n} rotada.', revokedOne: 'Clave {n} revocada.',
    loading: 'Cargando…', failed: 'No se pudo hablar con el servidor.', retry: 'Intentar de nuevo',
  },
}[locale];
type Word = keyof typeof words;
const t = (key: Word, n?: string) => words[key].replace('{n}', n ?? '');

/** The overlaps offered for a rotation, in hours (the server takes 0 to 168). */
const OVERLAPS = [1, API_KEY_OVERLAP_HOURS.default, API_KEY_OVERLAP_HOURS.max, 0];
const label = (k: Pick<ApiKey, 'prefix' | 'last4'>) => `${k.prefix}…${k.last4}`;

/** The API keys section of the settings dialog. */
export function apiKeySettings(client: ClientelaClient): HTMLElement {
  const section = document.createElement('section');
  section.id = 'api-keys-settings';
  section.setAttribute('aria-labelledby', 'api-keys-title');

  let keys: ApiKey[] | undefined;
  /** The key just made or rotated in, shown this once; with the old key after a rotation. */
  let shown: { key: ApiKeyWithSecret; previous?: ApiKey } | undefined;
  let asking: { id: string; action: 'rotate' | 'revoke' } | undefined;
  let status = '';
  let failure: (() => void) | undefined;
  let busy = false;

  async function attempt(run: () => Promise<void>, focus?: string): Promise<void> {
    failure = undefined;
    busy = true;
    draw();
    try {
      await run();
    } catch (error) {
      const problem = (error as { problem?: { detail?: string; errors?: { message: string }[] } }).problem;
      status = problem?.errors?.map((e) => e.message).join(' ') || problem?.detail || t('failed');
      failure = () => void attempt(run, focus);
    }
    busy = false;
    draw();
    if (focus) section.querySelector<HTMLElement>(focus)?.focus();
  }

  const load = () =>
    attempt(async () => {
      keys = await client.apiKeys.list();
    });

  function create(form: HTMLFormElement): void {
    const data = new FormData(form);
    const choice = String(data.get('kind'));
    const kind: ApiKeyKind = choice === 'publishable' ? 'publishable' : 'secret';
    const name = String(data.get('name') ?? '').trim();
    void attempt(async () => {
      const made = await client.apiKeys.create({ name, kind, ...(choice === 'readOnly' ? { readOnly: true } : {}) });
      shown = { key: made };
      status = t('madeOne', name);
      form.reset();
      keys = await client.apiKeys.list();
    }, '[data-copy-key]');
  }

  function rotate(key: ApiKey, overlapHours: number): void {
    void attempt(async () => {
      const { successor, previous } = await client.apiKeys.rotate(key.id, { overlapHours });
      shown = { key: successor, previous };
      asking = undefined;
      status = t('rotated', key.name);
      keys = await client.apiKeys.list();
    }, '[data-copy-key]');
  }

  function revoke(key: ApiKey): void {
    void attempt(async () => {
      await client.apiKeys.revoke(key.id);
      asking = undefined;
      status = t('revokedOne', `${key.name} (${label(key)})`);
      keys = await client.apiKeys.list();
    }, '#api-key-name');
  }

  function ask(id: string, action: 'rotate' | 'revoke'): void {
    asking = { id, action };
    draw();
    section.querySelector<HTMLElement>(action === 'rotate' ? '#api-key-overlap' : '[data-confirm-revoke]')?.focus();
  }

  function cancel(key: ApiKey): void {
    const action = asking?.action ?? 'rotate';
    asking = undefined;
    draw();
    section.querySelector<HTMLElement>(`[data-api-key="${key.id}"] [data-action="${action}"]`)?.focus();
  }

  const statusText = (k: ApiKey) => (k.status === 'expiring' && k.expiresAt ? t('expiring', when.format(new Date(k.expiresAt))) : t(k.status));
  const kindText = (k: ApiKey) => (k.kind === 'publishable' ? t('publishable') : k.readOnly ? t('readOnly') : t('secret'));

  function question(k: ApiKey) {
    if (asking?.id !== k.id) return nothing;
    if (asking.action === 'revoke') {
      return html`<tr class="api-key-ask"><td colspan="7">
        <p id="api-key-ask-${k.id}">${t('revokeAsk', `${k.name} (${label(k)})`)}</p>
        <button type="button" class="danger" data-confirm-revoke aria-describedby="api-key-ask-${k.id}" ?disabled=${busy} @click=${() => revoke(k)}>${t('revokeNow')}</button>
        <button type="button" @click=${() => cancel(k)}>${t('cancel')}</button>
      </td></tr>`;
    }
    return html`<tr class="api-key-ask"><td colspan="7">
      <form @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        rotate(k, Number(new FormData(e.currentTarget as HTMLFormElement).get('overlap')));
      }}>
        <p id="api-key-ask-${k.id}">${t('rotateAsk', `${k.name} (${label(k)})`)}</p>
        <label>${t('overlap')}
          <select id="api-key-overlap" name="overlap">
            ${OVERLAPS.map((h) => html`<option value=${h} ?selected=${h === API_KEY_OVERLAP_HOURS.default}>${h === 0 ? t('now') : hours.format(h)}</option>`)}
          </select></label>
        <button type="submit" class="primary" ?disabled=${busy}>${t('rotateNow')}</button>
        <button type="button" @click=${() => cancel(k)}>${t('cancel')}</button>
      </form>
    </td></tr>`;
  }

  function draw(): void {
    render(
      html`<h3 id="api-keys-title">${t('title')}</h3>
        <p>${t('intro')}</p>
        <form class="api-key-create" @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          create(e.currentTarget as HTMLFormElement);
        }}>
          <label for="api-key-name">${t('name')}</label>
          <input id="api-key-name" name="name" required maxlength="60" autocomplete="off" />
          <fieldset>
            <legend>${t('kind')}</legend>
            <label><input type="radio" name="kind" value="secret" checked /> ${t('secret')}</label>
            <label><input type="radio" name="kind" value="readOnly" /> ${t('readOnly')}</label>
            <label><input type="radio" name="kind" value="publishable" /> ${t('publishable')}</label>
          </fieldset>
          <button type="submit" class="primary" ?disabled=${busy}>${t('create')}</button>
        </form>
        <p role="status" class="api-keys-status">${status} ${failure ? html`<button type="button" @click=${failure}>${t('retry')}</button>` : nothing}</p>
        ${shown
          ? html`<section class="api-key-once" aria-labelledby="api-key-once-title">
              <h4 id="api-key-once-title">${t('onceTitle')}: ${shown.key.name}</h4>
              <p><strong>${t('onceNote')}</strong></p>
              <p><code data-key>${shown.key.key}</code></p>
              ${shown.previous
                ? html`<p data-previous-until>${shown.previous.status === 'expiring' && shown.previous.expiresAt ? t('oldUntil', when.format(new Date(shown.previous.expiresAt))) : t('oldEnded')}</p>`
                : nothing}
              <p>
                <button type="button" data-copy-key @click=${() => void navigator.clipboard?.writeText(shown!.key.key).then(() => ((status = t('copied')), draw()))}>${t('copy')}</button>
                <button type="button" @click=${() => {
                  shown = undefined;
                  draw();
                  section.querySelector<HTMLElement>('#api-key-name')?.focus();
                }}>${t('done')}</button>
              </p>
            </section>`
          : nothing}
        <h4>${t('list')}</h4>
        ${keys === undefined
          ? html`<p>${failure ? nothing : t('loading')}</p>`
          : keys.length
            ? html`<div class="api-keys-scroll"><table class="api-keys">
                <thead><tr>
                  <th scope="col">${t('name')}</th><th scope="col">${t('kind')}</th><th scope="col">${t('key')}</th><th scope="col">${t('created')}</th>
                  <th scope="col">${t('lastUsed')}</th><th scope="col">${t('status')}</th><th scope="col">${t('actions')}</th>
                </tr></thead>
                <tbody>${keys.map(
                  (k) => html`<tr data-api-key=${k.id} data-status=${k.status}>
                      <th scope="row">${k.name}</th>
                      <td>${kindText(k)}</td>
                      <td><code>${label(k)}</code></td>
                      <td><time datetime=${k.createdAt}>${when.format(new Date(k.createdAt))}</time></td>
                      <td>${k.lastUsedAt ? html`<time datetime=${k.lastUsedAt}>${when.format(new Date(k.lastUsedAt))}</time>` : t('never')}</td>
                      <td>${statusText(k)}</td>
                      <td class="api-key-actions">
                        ${k.status === 'active'
                          ? html`<button type="button" data-action="rotate" aria-label="${t('rotate')} ${k.name} (${label(k)})" @click=${() => ask(k.id, 'rotate')}>${t('rotate')}</button>`
                          : nothing}
                        ${k.status === 'active' || k.status === 'expiring'
                          ? html`<button type="button" data-action="revoke" aria-label="${t('revoke')} ${k.name} (${label(k)})" @click=${() => ask(k.id, 'revoke')}>${t('revoke')}</button>`
                          : nothing}
                      </td>
                    </tr>
                    ${question(k)}`,
                )}</tbody>
              </table></div>`
            : html`<p>${t('none')}</p>`}`,
      section,
    );
  }

  draw();
  void load();
  return section;
}

const style = document.createElement('style');
style.textContent = `
  #api-keys-settings { margin-top: 1.5rem; padding-top: 1rem; border-top: 1px solid var(--cl-color-border, #c9d1dc); max-width: 60rem; }
  #api-keys-settings button, #api-keys-settings input:not([type=radio]), #api-keys-settings select { min-height: 44px; font: inherit; }
  #api-keys-settings button { padding: 0 1rem; }
  .api-key-create { display: grid; gap: 0.5rem; max-width: 32rem; }
  .api-key-create fieldset { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
  .api-key-create fieldset label { display: flex; align-items: center; gap: 0.25rem; min-height: 44px; }
  .api-key-once { border: 2px solid var(--cl-color-danger, #b42318); border-radius: 8px; padding: 0 0.75rem; margin: 0.75rem 0; }
  .api-key-once code { word-break: break-all; font-size: 1rem; }
  .api-keys-scroll { overflow-x: auto; }
  .api-keys { width: 100%; border-collapse: collapse; }
  .api-keys th, .api-keys td { text-align: start; vertical-align: top; padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--cl-color-border, #c9d1dc); }
  .api-key-actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
  .api-key-ask td { background: var(--cl-color-surface-alt, #f4f6f9); }
  .api-key-ask label { display: inline-flex; gap: 0.5rem; align-items: center; margin-inline-end: 0.5rem; }
`;
document.head.append(style);
