// The header's "Créditos", "Log de dados" and "Importar" buttons, each in a <dialog> inside
// #dialogs: the credits wallet (a small view over GET /credits, exportable), <cl-audit-log> and
// <cl-customer-import>.
import '@clientela/elements/audit-log';
import '@clientela/elements/customer-import';
import type { CreditWalletEntry } from '@clientela/core';
import { html, nothing, render } from 'lit';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';

const client = adminClient();
const host = document.querySelector<HTMLElement>('#dialogs')!;
const locale = (['pt-BR', 'en', 'es'].includes(lang) ? lang : 'pt-BR') as 'pt-BR' | 'en' | 'es';
const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' });
const day = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'America/Sao_Paulo' });

const words = {
  'pt-BR': {
    close: 'Fechar', audit: 'Log de dados', import: 'Importar clientes', credits: 'Carteira de créditos',
    intro: 'Clientes com crédito ativo do Indique e Ganhe ou do Bônus (cashback), do vencimento mais próximo ao mais distante.',
    customer: 'Cliente', email: 'E-mail', kind: 'Tipo', amount: 'Valor', balance: 'Saldo', origin: 'Origem', expires: 'Vencimento',
    referral: 'Indique e Ganhe', cashback: 'Bônus (cashback)', more: 'Carregar mais', csv: 'Exportar CSV', xlsx: 'Exportar XLSX',
    total: '{n} créditos ativos', empty: 'Nenhum crédito ativo.', failed: 'Não foi possível carregar os créditos.', loading: 'Carregando…',
    until: 'Vencendo até', apply: 'Filtrar', retry: 'Tentar novamente', exporting: 'Gerando o arquivo…', exported: 'Arquivo {n} baixado.',
    exportFailed: 'Não foi possível exportar os créditos: o servidor não respondeu.',
  },
  en: {
    close: 'Close', audit: 'Data log', import: 'Import customers', credits: 'Credits wallet',
    intro: 'Customers with active referral or cashback credit, nearest expiry first.',
    customer: 'Customer', email: 'E-mail', kind: 'Kind', amount: 'Amount', balance: 'Balance', origin: 'Origin', expires: 'Expires',
    referral: 'Referral', cashback: 'Cashback bonus', more: 'Load more', csv: 'Export CSV', xlsx: 'Export XLSX',
    total: '{n} active credits', empty: 'No active credit.', failed: 'Could not load the credits.', loading: 'Loading…',
    until: 'Expiring by', apply: 'Filter', retry: 'Try again', exporting: 'Creating the file…', exported: 'File {n} downloaded.',
    exportFailed: 'Could not export the credits: the server did not answer.',
  },
  es: {
    close: 'Cerrar', audit: 'Registro de datos', import: 'Importar clientes', credits: 'Cartera de créditos',
    intro: 'Clientes con crédito activo de Recomienda y gana o de Bono (cashback), del vencimiento más próximo al más lejano.',
    customer: 'Cliente', email: 'E-mail', kind: 'Tipo', amount: 'Importe', balance: 'Saldo', origin: 'Origen', expires: 'Vencimiento',
    referral: 'Recomienda y gana', cashback: 'Bono (cashback)', more: 'Cargar más', csv: 'Exportar CSV', xlsx: 'Exportar XLSX',
    total: '{n} créditos activos', empty: 'Ningún crédito activo.', failed: 'No se pudieron cargar los créditos.', loading: 'Cargando…',
    until: 'Vencen hasta', apply: 'Filtrar', retry: 'Intentar de nuevo', exporting: 'Generando el archivo…', exported: 'Archivo {n} descargado.',
    exportFailed: 'No se pudieron exportar los créditos: el servidor no respondió.',
  },
}[locale];
type Word = keyof typeof words;
const t = (key: Word, n?: number | string) => words[key].replace('{n}', String(n ?? ''));

let count = 0;
const style = document.createElement('style');
style.textContent = `
  .tools-bar { display: flex; justify-content: space-between; align-items: center; gap: 1rem; margin-bottom: 0.75rem; }
  .tools-bar.bare { justify-content: flex-end; margin-bottom: -2.75rem; }
  .tools-bar h2 { margin: 0; font-size: 1.25rem; }
  .tools-bar button, .credits-wallet button:not(.link), .credits-wallet input { min-height: 36px; padding: 0 0.875rem; font: inherit; border-radius: 6px; border: 1px solid var(--cl-color-border, #c9d1dc); background: transparent; color: inherit; }
  .credits-wallet th, .credits-wallet td { padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--cl-color-border, #c9d1dc); vertical-align: top; }
  .credits-wallet .export-outcome { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  .credits-wallet .export-outcome.failed { color: var(--cl-color-danger, #b42318); font-weight: 600; }
  .credits-wallet button.link { font: inherit; color: var(--cl-color-accent, #0b5cad); background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; text-align: start; }
`;
document.head.append(style);

/**
 * A modal dialog around `content`, removed once closed. Elements that carry their own heading
 * (the data log, the import) get no second one: the dialog is labelled by theirs.
 */
function openDialog(id: string, title: string, content: HTMLElement, ownHeading = false): HTMLDialogElement {
  document.getElementById(id)?.remove();
  const dialog = document.createElement('dialog');
  const heading = `tools-dialog-title-${++count}`;
  dialog.id = id;
  if (ownHeading) dialog.setAttribute('aria-label', title);
  else dialog.setAttribute('aria-labelledby', heading);
  render(
    html`<div class="tools-bar ${ownHeading ? 'bare' : ''}">
      ${ownHeading ? nothing : html`<h2 id=${heading}>${title}</h2>`}
      <button type="button" @click=${() => dialog.close()}>${t('close')}</button>
    </div>`,
    dialog,
  );
  dialog.append(content);
  dialog.addEventListener('close', () => dialog.remove());
  host.append(dialog);
  dialog.showModal();
  return dialog;
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The data log. */
export function openAudit(): HTMLDialogElement {
  const log = document.createElement('cl-audit-log');
  log.client = client;
  return openDialog('audit-dialog', t('audit'), log, true);
}

/** The spreadsheet import; the customer table reloads once an import is written. */
export function openImport(): HTMLDialogElement {
  const importer = document.createElement('cl-customer-import');
  importer.client = client;
  importer.addEventListener('cl-import-complete', () => {
    (document.querySelector('cl-customer-table') as (HTMLElement & { refresh?: () => void }) | null)?.refresh?.();
  });
  return openDialog('import-dialog', t('import'), importer, true);
}

/** The credits wallet: GET /credits (active, nearest expiry first), paged, exportable. */
export function openCredits(): HTMLDialogElement {
  const view = document.createElement('section');
  view.className = 'credits-wallet';
  let items: CreditWalletEntry[] = [];
  let next: string | null = null;
  let total = 0;
  let state: 'loading' | 'ready' | 'error' = 'loading';
  let until = '';
  let exporting = '';
  /** The last export's outcome, shown under the buttons (a failure with "Tentar novamente"). */
  let exported: { ok: boolean; text: string; format: 'csv' | 'xlsx' } | undefined;

  const load = async (more = false) => {
    state = 'loading';
    draw();
    try {
      const page = await client.credits.list({
        status: 'active',
        limit: 50,
        ...(until && { expiringBefore: new Date(`${until}T23:59:59`).toISOString() }),
        ...(more && next ? { cursor: next } : {}),
      });
      items = more ? [...items, ...page.items] : page.items;
      next = page.nextCursor;
      total = page.total;
      state = 'ready';
    } catch {
      state = 'error';
    }
    draw();
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    exporting = format;
    exported = undefined;
    draw();
    try {
      // Same export route (and audit entry) as the customer list, with the credits resource.
      const { blob, filename } = await client.exports.download({ format, resource: 'credits' });
      save(blob, filename);
      exported = { ok: true, text: t('exported', filename), format };
    } catch {
      exported = { ok: false, text: t('exportFailed'), format };
    } finally {
      exporting = '';
      draw();
    }
  };

  const open = (id: string) => {
    dialog.close();
    document.dispatchEvent(new CustomEvent('cl-customer-open', { detail: { id }, bubbles: true, composed: true }));
  };

  const draw = () =>
    render(
      html`<p>${t('intro')}</p>
        <form
          class="credits-toolbar"
          style="display:flex;flex-wrap:wrap;gap:0.5rem;align-items:end;margin:0.75rem 0"
          @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            until = (e.currentTarget as HTMLFormElement).querySelector('input')!.value;
            void load();
          }}
        >
          <label style="display:grid;gap:0.25rem">${t('until')} <input type="date" name="until" .value=${until} /></label>
          <button type="submit">${t('apply')}</button>
          <span style="flex:1"></span>
          <button type="button" data-export="csv" ?disabled=${!!exporting} @click=${() => exportAs('csv')}>${t('csv')}</button>
          <button type="button" data-export="xlsx" ?disabled=${!!exporting} @click=${() => exportAs('xlsx')}>${t('xlsx')}</button>
        </form>
        ${exporting ? html`<p class="export-outcome"><progress aria-label=${t('exporting')}></progress> ${t('exporting')}</p>` : nothing}
        ${exported
          ? html`<p class="export-outcome ${exported.ok ? 'ok' : 'failed'}" role=${exported.ok ? 'status' : 'alert'}>
              ${exported.text}
              ${exported.ok ? nothing : html`<button type="button" @click=${() => exportAs(exported!.format)}>${t('retry')}</button>`}
            </p>`
          : nothing}
        <p role="status">
          ${state === 'loading' ? t('loading') : state === 'error' ? t('failed') : t('total', total)}
          ${state === 'error' ? html`<button type="button" @click=${() => load()}>${t('retry')}</button>` : nothing}
        </p>
        ${state === 'ready' && items.length === 0 ? html`<p>${t('empty')}</p>` : nothing}
        ${items.length
          ? html`<table class="credits-table" style="width:100%;border-collapse:collapse;margin-bottom:0.75rem">
              <thead>
                <tr>
                  <th scope="col" style="text-align:start">${t('customer')}</th>
                  <th scope="col" style="text-align:start">${t('email')}</th>
                  <th scope="col" style="text-align:start">${t('kind')}</th>
                  <th scope="col" style="text-align:end">${t('amount')}</th>
                  <th scope="col" style="text-align:end">${t('balance')}</th>
                  <th scope="col" style="text-align:start">${t('origin')}</th>
                  <th scope="col" style="text-align:start">${t('expires')}</th>
                </tr>
              </thead>
              <tbody>
                ${items.map(
                  (e) => html`<tr data-credit=${e.credit.id}>
                    <th scope="row" style="text-align:start;font-weight:400">
                      <button type="button" class="link" @click=${() => open(e.customerId)}>${e.name}</button>
                    </th>
                    <td>${e.email ?? ''}</td>
                    <td>${t(e.credit.kind)}</td>
                    <td style="text-align:end">${money.format(e.credit.amountCents / 100)}</td>
                    <td style="text-align:end">${money.format(e.credit.balanceCents / 100)}</td>
                    <td>${e.credit.origin}</td>
                    <td><time datetime=${e.credit.expiresAt}>${day.format(new Date(e.credit.expiresAt))}</time></td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : nothing}
        ${next ? html`<button type="button" data-more ?disabled=${state === 'loading'} @click=${() => load(true)}>${t('more')}</button>` : nothing}`,
      view,
    );

  const dialog = openDialog('credits-dialog', t('credits'), view);
  void load();
  return dialog;
}

document.querySelector('#open-credits')?.addEventListener('click', () => openCredits());
document.querySelector('#open-audit')?.addEventListener('click', () => openAudit());
document.querySelector('#open-import')?.addEventListener('click', () => openImport());
