import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getMunicipalities } from '@brazilian-utils/brazilian-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { cepTable } from '../src/seed/cep.js';
import { app, call } from './helpers.js';

// GET /v1/cep/{cep} (#16 §3): offline by default (the bundled table, else the UF of the CEP's
// range); with --cep online, the real services through @brazilian-utils/brazilian-utils, here a
// fake of ViaCEP and BrasilAPI on loopback (no internet), cached in the store.

type Mode = 'ok' | 'down' | 'unknown' | 'slow';
let mode: Mode = 'ok';
const hits: string[] = [];
let fake: Server;
let fakeUrl = '';

const VIACEP: Record<string, unknown> = {
  '01001000': { cep: '01001-000', logradouro: 'Praça da Sé', bairro: 'Sé', localidade: 'sao paulo', uf: 'SP' },
  '69301000': { cep: '69301-000', logradouro: '', bairro: '', localidade: 'Boa Vista', uf: 'RR' },
};

beforeAll(async () => {
  fake = createServer((req, res) => {
    hits.push(req.url ?? '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (mode === 'slow') return; // never answers
    if (mode === 'down') return send(500, { message: 'fora do ar' });
    const via = /^\/viacep\/ws\/(\d{8})\/json\/$/.exec(req.url ?? '');
    const brasil = /^\/brasilapi\/api\/cep\/v1\/(\d{8})$/.exec(req.url ?? '');
    const cep = via?.[1] ?? brasil?.[1];
    const known = mode === 'ok' && cep ? VIACEP[cep] : undefined;
    if (via) return send(200, known ?? { erro: true });
    if (brasil) return known ? send(200, { cep, state: (known as any).uf, city: (known as any).localidade, neighborhood: (known as any).bairro, street: (known as any).logradouro }) : send(404, { message: 'CEP não encontrado' });
    send(404, {});
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
});
const dir = mkdtempSync(join(tmpdir(), 'clientela-cep-'));
const servers: MockServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  fake.closeAllConnections();
  await new Promise((resolve) => fake.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});
const open = (options: Parameters<typeof app>[0] = {}) => {
  const s = app(options);
  servers.push(s);
  return s;
};
const cep = (s: MockServer, value: string) => call(s, 'GET', `/v1/cep/${value}`, { key: s.keys.publishable });

describe('CEP lookup offline (the default)', () => {
  it('a CEP of the bundled table → its street; in a municipality\'s range → the city, UF and IBGE code; else in a UF range → the UF only; outside every range → 404', async () => {
    const s = open();
    const [digits, row] = [...cepTable()][0]!;
    expect((await cep(s, digits)).json).toEqual({ ...row, precision: 'address' });
    expect((await cep(s, '13083-970')).json).toEqual({ postalCode: '13083-970', street: '', district: '', city: 'Campinas', state: 'SP', precision: 'city', ibgeCode: '3509502' });
    expect((await cep(s, '69305-050')).json).toMatchObject({ city: 'Boa Vista', state: 'RR', precision: 'city', ibgeCode: '1400100' });
    // São Paulo's second range (the east zone), and a city the Correios spell otherwise (IBGE's name answered).
    expect((await cep(s, '08490-000')).json).toMatchObject({ city: 'São Paulo', state: 'SP', precision: 'city' });
    expect((await cep(s, '59170-500')).json).toMatchObject({ city: 'Arez', state: 'RN', ibgeCode: '2401206' });
    // 01000-000 is inside SP's range but before the capital's first CEP (01000-001): no city is known.
    expect((await cep(s, '01000-000')).json).toEqual({ postalCode: '01000-000', street: '', district: '', city: '', state: 'SP', precision: 'state' });
    expect((await cep(s, '00500-000')).status).toBe(404);
    expect((await cep(s, '0150')).status).toBe(422);
    expect(hits).toEqual([]);
  });

  it('every city of the bundled table is an IBGE municipality of its UF, spelled as the IBGE spells it, and its UF is the one of its range', () => {
    for (const [digits, row] of cepTable()) {
      expect(getMunicipalities(row.state).map((m) => m.name), `${digits} ${row.city}`).toContain(row.city);
    }
  });
});

describe('CEP lookup online (a fake of the services on loopback)', () => {
  it('answers from the services, with the city as the IBGE spells it; caches it in the store, so another server on the same file does not ask again', async () => {
    mode = 'ok';
    hits.length = 0;
    const db = join(dir, 'cep.sqlite');
    const s = open({ db, cep: { mode: 'online', serviceUrl: fakeUrl } } as any);
    const first = await cep(s, '01001-000');
    expect(first.json).toEqual({ postalCode: '01001-000', street: 'Praça da Sé', district: 'Sé', city: 'São Paulo', state: 'SP', precision: 'address', ibgeCode: '3550308' });
    const asked = hits.length;
    expect(asked).toBeGreaterThan(0);
    expect((await cep(s, '01001000')).json).toEqual(first.json);
    await s.close();
    const other = open({ db, cep: { mode: 'online', serviceUrl: fakeUrl } } as any);
    expect((await cep(other, '01001000')).json).toEqual(first.json);
    expect(hits.length).toBe(asked);
    // A CEP that covers a whole city.
    expect((await cep(other, '69301000')).json).toMatchObject({ city: 'Boa Vista', state: 'RR', street: '', precision: 'city' });
  });

  it('a CEP the services do not know → 404 (remembered for a day); services down or slow → the offline answer, not cached', async () => {
    const s = open({ cep: { mode: 'online', serviceUrl: fakeUrl, timeoutMs: 1500 } } as any);
    mode = 'unknown';
    expect((await cep(s, '13083-971')).status).toBe(404);
    hits.length = 0;
    expect((await cep(s, '13083-971')).status).toBe(404);
    expect(hits).toEqual([]);

    mode = 'down';
    expect((await cep(s, '13083-972')).json).toMatchObject({ state: 'SP', city: 'Campinas', precision: 'city' });
    mode = 'ok';
    hits.length = 0;
    // Not cached: the services are asked again once they are back (and know nothing of it: 404).
    expect((await cep(s, '13083-972')).status).toBe(404);
    expect(hits.length).toBeGreaterThan(0);

    mode = 'slow';
    const [digits, row] = [...cepTable()][1]!;
    expect((await cep(s, digits)).json).toEqual({ ...row, precision: 'address' });
    mode = 'ok';
  });
});
