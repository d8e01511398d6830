import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem, validCpf } from '../internal/test-helpers.js';
import { parseCsv, toCsv } from './csv.js';
import './customer-import.js';
import type { CustomerImport } from './customer-import.component.js';

document.documentElement.lang = 'pt-BR';

/** A fake import route: rows keyed by document; `INVALIDO` documents are rejected. */
function api() {
  const stored = new Map<string, string>();
  let uploads = 0;
  const fake = fakeClient({
    'GET /imports/template': ({ url }) =>
      new Response('\uFEFFTipo,Nome,CPF/CNPJ\r\n', {
        headers: { 'content-type': 'text/csv', 'content-disposition': `attachment; filename="modelo.${url.searchParams.get('format')}"` },
      }),
    'POST /imports': async ({ url, request }) => {
      uploads++;
      if (!request.headers.get('content-type')!.startsWith('text/csv')) return problem(415);
      const dryRun = url.searchParams.get('dryRun') !== 'false';
      const [, ...body] = parseCsv(await request.text());
      const report = { dryRun, totalRows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] as any[], rows: [] as any[] };
      body.forEach(([name = '', doc = ''], i) => {
        const row = i + 2;
        report.totalRows++;
        if (doc === 'INVALIDO') {
          report.rejected++;
          report.errors.push({ row, path: 'document', code: 'invalid_cpf', message: 'CPF inválido.' });
          report.rows.push({ row, outcome: 'reject', name });
          return;
        }
        const known = stored.get(doc);
        const outcome = known === undefined ? 'create' : known === name ? 'unchanged' : 'update';
        report[outcome === 'create' ? 'created' : outcome === 'update' ? 'updated' : 'unchanged']++;
        report.rows.push({ row, outcome, document: doc, name });
        if (!dryRun) stored.set(doc, name);
      });
      return json(report);
    },
  });
  return { ...fake, stored, uploads: () => uploads };
}

function sheet(rows: number, bad: number[]) {
  const lines = [['Nome', 'CPF/CNPJ']];
  for (let i = 0; i < rows; i++) lines.push([`Cliente ${i}`, bad.includes(i) ? 'INVALIDO' : validCpf(100000 + i)]);
  return new File([toCsv(lines)], 'clientes.csv', { type: 'text/csv' });
}

async function settled(el: CustomerImport) {
  await aTimeout(10);
  for (let i = 0; i < 500 && (el.step === 'checking' || el.step === 'importing'); i++) await aTimeout(10);
  await el.updateComplete;
}
const $ = (el: CustomerImport, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;

let downloads: { blob: Blob; name: string }[] = [];
const realCreate = URL.createObjectURL;
const realClick = HTMLAnchorElement.prototype.click;
beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push({ blob: blobs.get(this.href)!, name: this.download });
  };
});
afterEach(() => {
  URL.createObjectURL = realCreate;
  HTMLAnchorElement.prototype.click = realClick;
});

describe('<cl-customer-import>', () => {
  it('is accessible at each step', async () => {
    const { client } = api();
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${client}></cl-customer-import>`);
    await expect(el).to.be.accessible();
    await el.choose(sheet(12, [3]));
    await settled(el);
    await expect(el).to.be.accessible();
    $(el, '[data-action=confirm]').click();
    await settled(el);
    expect(el.step).to.equal('done');
    await expect(el).to.be.accessible();
  });

  it('downloads the template in CSV and XLSX', async () => {
    const { client, calls } = api();
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${client}></cl-customer-import>`);
    $(el, '[data-template=csv]').click();
    await aTimeout(20);
    $(el, '[data-template=xlsx]').click();
    await aTimeout(20);
    expect(calls).to.deep.equal(['GET /imports/template?format=csv', 'GET /imports/template?format=xlsx']);
    expect(downloads.map((d) => d.name)).to.deep.equal(['modelo.csv', 'modelo.xlsx']);
  });

  it('refuses other file types before uploading', async () => {
    const { client, calls } = api();
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${client}></cl-customer-import>`);
    await el.choose(new File(['x'], 'clientes.pdf'));
    await el.updateComplete;
    expect($(el, '[role=alert]').textContent).to.equal('Envie um arquivo .csv ou .xlsx.');
    expect(calls).to.deep.equal([]);
  });

  it('dry-runs a 1,000-row file: preview of the first rows and every error by row and field; confirm creates the rest', async () => {
    const { client, calls, stored } = api();
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${client}></cl-customer-import>`);
    const bad = [5, 99, 100, 250, 400, 512, 700, 801, 950, 999];
    const file = sheet(1000, bad);
    const input = $(el, 'input[type=file]') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await settled(el);
    expect(calls).to.deep.equal(['POST /imports?dryRun=true']);
    expect(stored.size).to.equal(0);
    expect($(el, '[data-summary]').textContent).to.contain('1.000 linhas: 990 novos').and.contain('10 com erro');
    expect(el.shadowRoot!.querySelectorAll('[part=preview] tbody tr')).to.have.length(10);
    const errorRows = [...el.shadowRoot!.querySelectorAll('[part=errors] tbody tr')].map((r) => Number((r as HTMLElement).dataset['row']));
    expect(errorRows).to.deep.equal(bad.map((i) => i + 2));
    // The field by its column label, never the JSON path.
    expect($(el, '[part=errors] tbody tr').textContent).to.contain('CPF/CNPJ').and.contain('CPF inválido.').and.not.contain('document');

    const done = oneEvent(el, 'cl-import-complete');
    $(el, '[data-action=confirm]').click();
    const { report } = (await done).detail;
    expect(report.created).to.equal(990);
    expect(stored.size).to.equal(990);
    await el.updateComplete;
    expect($(el, '[data-count=created]').textContent).to.equal('990');
    expect($(el, '[data-count=rejected]').textContent).to.equal('10');

    // The rejected rows come back as CSV with their original cells and errors.
    $(el, '[data-action=download-rejected]').click();
    // The file is built from the sheet read again (asynchronously): wait for it, not a fixed time.
    for (let i = 0; i < 200 && downloads.length === 0; i++) await aTimeout(10);
    expect(downloads[0]!.name).to.equal('clientes-rejeitadas.csv');
    const rejected = parseCsv(await downloads[0]!.blob.text());
    expect(rejected[0]).to.deep.equal(['Linha', 'Nome', 'CPF/CNPJ', 'Erros']);
    expect(rejected.slice(1).map((r) => r[1])).to.deep.equal(bad.map((i) => `Cliente ${i}`));
    expect(rejected[1]![3]).to.equal('CPF/CNPJ: CPF inválido.');
  });

  it('importing the same file again reports everything unchanged', async () => {
    const { client } = api();
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${client}></cl-customer-import>`);
    const file = sheet(20, []);
    await el.choose(file);
    await settled(el);
    $(el, '[data-action=confirm]').click();
    await settled(el);
    $(el, '[data-action=another]').click();
    await el.updateComplete;
    await el.choose(file);
    await settled(el);
    expect($(el, '[data-summary]').textContent).to.contain('20 sem alteração');
    expect(($(el, '[data-action=confirm]') as HTMLButtonElement).disabled).to.equal(true);
    expect($(el, '[data-action=confirm]').textContent!.trim()).to.equal('Nada a importar');
  });

  it('accepts a dropped file', async () => {
    const { client, calls } = api();
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${client}></cl-customer-import>`);
    const transfer = new DataTransfer();
    transfer.items.add(sheet(3, []));
    const zone = $(el, '[part=dropzone]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
    await el.updateComplete;
    expect(zone.classList.contains('dragging')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    await settled(el);
    expect(calls).to.deep.equal(['POST /imports?dryRun=true']);
    expect(el.step).to.equal('preview');
  });

  it('shows the server problem when the sheet cannot be read', async () => {
    const { client } = fakeClient({
      'POST /imports': () => problem(422, { title: 'Planilha inválida', detail: 'Falta a coluna CPF/CNPJ.', errors: [{ path: 'document', code: 'required', message: 'Obrigatório.' }] }),
    });
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${client}></cl-customer-import>`);
    await el.choose(sheet(1, []));
    await settled(el);
    expect(el.step).to.equal('choose');
    expect($(el, '[role=alert]').textContent).to.contain('Falta a coluna CPF/CNPJ.').and.contain('Obrigatório.');
  });

  it('an outage while importing says so in plain words and "Tentar novamente" sends the same import again, with the same key', async () => {
    const keys: string[] = [];
    let failNext = true;
    const { client } = fakeClient({
      'POST /imports': ({ request, url }) => {
        keys.push(`${url.searchParams.get('dryRun')} ${request.headers.get('idempotency-key')}`);
        if (failNext) {
          failNext = false;
          return problem(503, { title: 'Service unavailable', detail: 'Falha simulada (--fail-rate); tente de novo após Retry-After' });
        }
        return json({ dryRun: url.searchParams.get('dryRun') !== 'false', totalRows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0, errors: [], rows: [{ row: 2, outcome: 'create', name: 'Cliente 0' }] });
      },
    });
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${client}></cl-customer-import>`);
    await el.choose(sheet(1, []));
    await settled(el);
    const alert = $(el, '[role=alert]');
    expect(alert.textContent).to.contain('Não foi possível enviar a planilha.').and.contain('indisponível');
    expect(alert.textContent).not.to.match(/fail-rate|Retry-After/);
    await expect(el).to.be.accessible();
    (alert.querySelector('button') as HTMLButtonElement).click();
    await settled(el);
    expect(el.step).to.equal('preview');
    expect($(el, '[role=alert]').textContent!.trim()).to.equal('');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('is keyboard operable: the file chooser is reachable with Tab after the template buttons', async () => {
    const { client } = api();
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${client}></cl-customer-import>`);
    $(el, '[data-template=xlsx]').focus();
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[type=file]'));
    await el.choose(sheet(3, []));
    await settled(el);
    // Focus moves to the summary so a screen reader hears the result.
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-summary]'));
    // Summary → the scrollable preview (focusable so it can be scrolled by keys) → confirm.
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[role=region]'));
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-action=confirm]'));
    await userEvent.keyboard('{Enter}');
    await settled(el);
    expect(el.step).to.equal('done');
  });
});

describe('<cl-customer-import> against the mock server', () => {
  it('dry-runs, imports and re-imports a real sheet', async () => {
    const { serverClients, uniqueSeed } = await import('../internal/test-helpers.js');
    const { secret } = await serverClients();
    const seed = uniqueSeed();
    const lines = [['CPF/CNPJ', 'Nome (primeiro)', 'Sobrenome', 'E-mail', 'Aceita e-mail', 'Aceita WhatsApp']];
    const answers = [['Sim', 'sim'], ['não', '1'], ['0', 'false'], ['', ''], ['TRUE', 'Não']];
    for (let i = 0; i < 5; i++) lines.push([validCpf(seed + i * 7919), 'Importe', `Real ${seed} ${i}`, `imp.${seed}.${i}@example.com`, ...answers[i]!]);
    lines.push(['123.456.789-00', 'Ruim', `Real ${seed}`, 'x@example.com', '', '']);
    const file = new File([toCsv(lines)], `real-${seed}.csv`, { type: 'text/csv' });
    const el = await fixture<CustomerImport>(html`<cl-customer-import .client=${secret}></cl-customer-import>`);
    await el.choose(file);
    await settled(el);
    expect(el.report).to.include({ dryRun: true, totalRows: 6, created: 5, rejected: 1 });
    expect([...el.shadowRoot!.querySelectorAll('[part=errors] tbody tr')].map((r) => (r as HTMLElement).dataset['row'])).to.include('7');
    // The preview says what each row consents to; a row whose consent cells are empty writes none ("—").
    expect([...el.shadowRoot!.querySelectorAll('[part=preview] thead th')].map((th) => th.textContent)).to.include('Aceita receber por');
    expect([...el.shadowRoot!.querySelectorAll('[part=preview] [data-consent]')].map((td) => td.textContent)).to.deep.equal([
      'E-mail, WhatsApp', 'WhatsApp', 'Nenhum canal', '—', 'E-mail', '—',
    ]);
    await expect(el).to.be.accessible();
    $(el, '[data-action=confirm]').click();
    await settled(el);
    expect($(el, '[data-count=created]').textContent).to.equal('5');
    const imported = (await secret.customers.list({ q: `Real ${seed}`, sort: 'name' })).items;
    expect(imported).to.have.length(5);
    const history = await secret.consents.history(imported[0]!.id);
    expect(history.items.map((r) => `${r.channel}:${r.granted}:${r.source}`).sort()).to.deep.equal(['email:true:import', 'whatsapp:true:import']);
    $(el, '[data-action=another]').click();
    await el.updateComplete;
    await el.choose(file);
    await settled(el);
    expect(el.report).to.include({ unchanged: 5, created: 0, rejected: 1 });
  });
});
