// The settings' "Canais de envio" section: which provider sends each message channel — the
// development provider (kept in the server, marked delivered), SMTP for e-mail, a signed webhook
// to the integrator's gateway for SMS, WhatsApp and push — and a limit per minute. Secrets are
// write-only: the form shows the stored one masked and leaves it as is when the field stays empty.
import type { ChannelSettings, ChannelSettingsUpdate, ClientelaClient } from '@clientela/core';
import { html, nothing, render } from 'lit';
import { lang } from '../shared.js';

const locale = (['pt-BR', 'en', 'es'].includes(lang) ? lang : 'pt-BR') as 'pt-BR' | 'en' | 'es';

const words = {
  'pt-BR': {
    title: 'Canais de envio', intro: 'Por onde cada canal envia as mensagens e as automações. Em desenvolvimento, nada sai do servidor: a mensagem fica registrada e é marcada como entregue.',
    email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp', push: 'Push (aplicativo)', provider: 'Provedor', development: 'Desenvolvimento (não envia)', smtp: 'Servidor SMTP', webhook: 'Webhook assinado para o gateway', webpush: 'Web Push (navegadores; aplicativos pelo gateway, se informado)',
    host: 'Servidor', port: 'Porta', secure: 'TLS desde a conexão (porta 465)', user: 'Usuário', password: 'Senha', from: 'Remetente', url: 'URL do gateway', secret: 'Segredo de assinatura',
    keep: 'Guardado: {n}. Deixe vazio para manter.', rate: 'Limite por minuto (vazio: sem limite)', save: 'Salvar canais', saved: 'Canais de envio salvos.',
    loading: 'Carregando…', failed: 'Não foi possível falar com o servidor.', retry: 'Tentar novamente',
  },
  en: {
    title: 'Sending channels', intro: 'How each channel sends messages and automations. In development nothing leaves the server: the message is recorded and marked delivered.',
    email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp', push: 'Push (app)', provider: 'Provider', development: 'Development (sends nothing)', smtp: 'SMTP server', webhook: 'Signed webhook to the gateway', webpush: 'Web Push (browsers; apps through the gateway, if set)',
    host: 'Server', port: 'Port', secure: 'TLS from the start (port 465)', user: 'User name', password: 'Password', from: 'Sender', url: 'Gateway URL', secret: 'Signing secret',
    keep: 'Stored: {n}. Leave empty to keep it.', rate: 'Limit per minute (empty: no limit)', save: 'Save channels', saved: 'Sending channels saved.',
    loading: 'Loading…', failed: 'Could not reach the server.', retry: 'Try again',
  },
  es: {
    title: 'Canales de envío', intro: 'Por dónde cada canal envía los mensajes y las automatizaciones. En desarrollo nada sale del servidor: el mensaje queda registrado y marcado como entregado.',
    email: 'Correo', sms: 'SMS', whatsapp: 'WhatsApp', push: 'Push (aplicación)', provider: 'Proveedor', development: 'Desarrollo (no envía)', smtp: 'Servidor SMTP', webhook: 'Webhook firmado al gateway', webpush: 'Web Push (navegadores; aplicaciones por el gateway, si se indica)',
    host: 'Servidor', port: 'Puerto', secure: 'TLS desde la conexión (puerto 465)', user: 'Usuario', password: 'Contraseña', from: 'Remitente', url: 'URL del gateway', secret: 'Secreto de firma',
    keep: 'Guardado: {n}. Déjalo vacío para mantenerlo.', rate: 'Límite por minuto (vacío: sin límite)', save: 'Guardar canales', saved: 'Canales de envío guardados.',
    loading: 'Cargando…', failed: 'No se pudo hablar con el servidor.', retry: 'Intentar de nuevo',
  },
}[locale];
type Word = keyof typeof words;
const t = (key: Word, n?: string) => words[key].replace('{n}', n ?? '');

const GATEWAYS = ['sms', 'whatsapp', 'push'] as const;

/** The channel settings section of the settings dialog. */
export function channelSettings(client: ClientelaClient): HTMLElement {
  const section = document.createElement('section');
  section.id = 'channel-settings';
  section.setAttribute('aria-labelledby', 'channel-settings-title');
  let settings: ChannelSettings | undefined;
  /** The providers chosen in the form (the fields shown follow them before saving). */
  let chosen: Record<string, string> = {};
  let errors: Record<string, string> = {};
  let status = '';
  let failed = false;
  let busy = false;

  async function load(): Promise<void> {
    failed = false;
    draw();
    try {
      settings = await client.settings.channels();
      chosen = Object.fromEntries(Object.entries(settings).map(([ch, s]) => [ch, s.provider]));
    } catch {
      failed = true;
    }
    draw();
  }

  function read(form: HTMLFormElement): ChannelSettingsUpdate {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const number = (name: string) => (text(name) === '' ? undefined : Number(text(name)));
    const rate = (ch: string) => number(`${ch}.rate`) ?? null;
    const email: ChannelSettingsUpdate['email'] =
      chosen['email'] === 'smtp'
        ? {
            provider: 'smtp',
            ...(text('email.host') ? { host: text('email.host') } : {}),
            ...(number('email.port') !== undefined ? { port: number('email.port')! } : {}),
            secure: data.get('email.secure') === 'on',
            ...(text('email.user') ? { user: text('email.user') } : {}),
            ...(text('email.password') ? { password: text('email.password') } : {}),
            ...(text('email.from') ? { from: text('email.from') } : {}),
            ratePerMinute: rate('email'),
          }
        : { provider: 'development', ratePerMinute: rate('email') };
    const gateway = (ch: (typeof GATEWAYS)[number]): ChannelSettingsUpdate['push'] =>
      chosen[ch] === 'webhook' || (ch === 'push' && chosen[ch] === 'webpush')
        ? { provider: chosen[ch] as 'webhook' | 'webpush', ...(text(`${ch}.url`) ? { url: text(`${ch}.url`) } : {}), ...(text(`${ch}.secret`) ? { secret: text(`${ch}.secret`) } : {}), ratePerMinute: rate(ch) }
        : { provider: 'development', ratePerMinute: rate(ch) };
    return { email, sms: gateway('sms') as ChannelSettingsUpdate['sms'], whatsapp: gateway('whatsapp') as ChannelSettingsUpdate['whatsapp'], push: gateway('push') };
  }

  async function save(form: HTMLFormElement): Promise<void> {
    if (busy) return;
    busy = true;
    errors = {};
    status = '';
    draw();
    try {
      settings = await client.settings.updateChannels(read(form));
      status = t('saved');
      form.querySelectorAll<HTMLInputElement>('input[type=password]').forEach((i) => (i.value = ''));
    } catch (error) {
      const problem = (error as { problem?: { detail?: string; errors?: { path: string; message: string }[] } }).problem;
      for (const e of problem?.errors ?? []) errors[e.path] = e.message;
      status = problem?.errors?.length ? '' : problem?.detail || t('failed');
    }
    busy = false;
    draw();
    const first = Object.keys(errors)[0];
    if (first) section.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  /** One labelled input with its error (described by it) under the field. */
  function field(name: string, label: string, value: string | number | undefined, type = 'text', hint?: string) {
    const id = `cs-${name.replace('.', '-')}`;
    const error = errors[name];
    return html`<div class="cs-field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${name} type=${type} .value=${value === undefined ? '' : String(value)} autocomplete=${type === 'password' ? 'new-password' : 'off'}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby="${id}-error${hint ? ` ${id}-hint` : ''}" />
      ${hint ? html`<span class="cs-hint" id="${id}-hint">${hint}</span>` : nothing}
      <span class="cs-error" id="${id}-error">${error ?? ''}</span>
    </div>`;
  }

  function providerSelect(ch: string, options: string[]) {
    return html`<div class="cs-field">
      <label for="cs-${ch}-provider">${t('provider')}</label>
      <select id="cs-${ch}-provider" name="${ch}.provider" @change=${(e: Event) => {
        chosen = { ...chosen, [ch]: (e.target as HTMLSelectElement).value };
        draw();
      }}>
        ${options.map((o) => html`<option value=${o} ?selected=${chosen[ch] === o}>${t(o as Word)}</option>`)}
      </select>
    </div>`;
  }

  function draw(): void {
    const s = settings;
    render(
      html`<h3 id="channel-settings-title">${t('title')}</h3>
        <p>${t('intro')}</p>
        ${failed ? html`<p role="alert">${t('failed')} <button type="button" @click=${() => void load()}>${t('retry')}</button></p>` : nothing}
        ${!s
          ? failed ? nothing : html`<p>${t('loading')}</p>`
          : html`<form class="cs-form" novalidate @submit=${(e: SubmitEvent) => {
              e.preventDefault();
              void save(e.currentTarget as HTMLFormElement);
            }}>
              <fieldset data-channel="email">
                <legend>${t('email')}</legend>
                ${providerSelect('email', ['development', 'smtp'])}
                ${chosen['email'] === 'smtp'
                  ? html`${field('email.host', t('host'), s.email.host)} ${field('email.port', t('port'), s.email.port ?? 587, 'number')}
                      <label class="cs-check"><input type="checkbox" name="email.secure" .checked=${!!s.email.secure} /> ${t('secure')}</label>
                      ${field('email.user', t('user'), s.email.user)}
                      ${field('email.password', t('password'), undefined, 'password', s.email.passwordMasked ? t('keep', s.email.passwordMasked) : undefined)}
                      ${field('email.from', t('from'), s.email.from)}`
                  : nothing}
                ${field('email.rate', t('rate'), s.email.ratePerMinute ?? undefined, 'number')}
              </fieldset>
              ${GATEWAYS.map(
                (ch) => html`<fieldset data-channel=${ch}>
                  <legend>${t(ch)}</legend>
                  ${providerSelect(ch, ch === 'push' ? ['development', 'webhook', 'webpush'] : ['development', 'webhook'])}
                  ${chosen[ch] === 'webhook' || chosen[ch] === 'webpush'
                    ? html`${field(`${ch}.url`, t('url'), s[ch].url, 'url')}
                      ${field(`${ch}.secret`, t('secret'), undefined, 'password', s[ch].secretMasked ? t('keep', s[ch].secretMasked) : undefined)}`
                    : nothing}
                  ${field(`${ch}.rate`, t('rate'), s[ch].ratePerMinute ?? undefined, 'number')}
                </fieldset>`,
              )}
              <button type="submit" ?disabled=${busy}>${t('save')}</button>
              <p role="status">${status}</p>
            </form>`}`,
      section,
    );
  }

  draw();
  void load();
  return section;
}

const style = document.createElement('style');
style.textContent = `
  #channel-settings { margin-top: 1.5rem; padding-top: 1rem; border-top: 1px solid var(--cl-color-border, #c9d1dc); max-width: 60rem; }
  #channel-settings button, #channel-settings input:not([type=checkbox]), #channel-settings select { min-height: 44px; font: inherit; }
  #channel-settings button { padding: 0 1rem; }
  .cs-form { display: grid; gap: 0.75rem; }
  .cs-form fieldset { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-start; }
  .cs-field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 12rem; }
  .cs-hint { font-size: 0.875em; color: var(--cl-color-muted, #4a5563); }
  .cs-error { font-size: 0.875em; color: var(--cl-color-danger, #b42318); min-height: 1em; }
  .cs-check { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; }
`;
document.head.append(style);
