// The one locale the seed speaks: the package root evaluates every locale faker ships, about
// 14 MB of heap kept for the server's life that every full collection then marks again.
import { faker as fakerPT_BR } from '@faker-js/faker/locale/pt_BR';
import { searchKey } from '@clientela/core/format';
import type { Customer } from '@clientela/core/schemas';
import type { Uf } from '@clientela/core/validation';
import type { StoredCategory } from '../store/types.js';
import { cepTable } from './cep.js';
import { generateCnpj, generateCpf, generatePhone, generateStateRegistration } from './documents.js';
import { hash32, Prng } from './prng.js';
import { figuresOf, purchaseStats } from '../store/ledger.js';
import { planHistory, type CustomerHistory } from './history.js';

import { SEED_ANCHOR_MS } from "./anchor.js";

const SEED_ANCHOR = SEED_ANCHOR_MS;
const DAY = 86_400_000;

const ACCENTED_FIRST = {
  female: ['Ana', 'Maria', 'Conceição', 'Antônia', 'Lúcia', 'Luíza', 'Cecília', 'Letícia', 'Mônica', 'Márcia', 'Patrícia', 'Sônia', 'Vitória', 'Débora', 'Fabíola', 'Flávia', 'Júlia', 'Cláudia', 'Bárbara', 'Lívia', 'Helena', 'Beatriz', 'Gabriela', 'Fernanda', 'Camila', 'Juliana', 'Aline', 'Larissa', 'Tainá', 'Iara'],
  male: ['João', 'José', 'Antônio', 'Sebastião', 'Vinícius', 'Caio', 'Lúcio', 'Márcio', 'Sérgio', 'Fábio', 'Flávio', 'Cássio', 'Otávio', 'Túlio', 'Luís', 'Nicolás', 'Rafael', 'Gustavo', 'Pedro', 'Lucas', 'Mateus', 'Thiago', 'Bruno', 'Rodrigo', 'Felipe', 'Gabriel', 'Ícaro', 'Raí', 'Ubirajara', 'Moacir'],
};
const LAST = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Lima', 'Carvalho', 'Ferreira', 'Rodrigues', 'Almeida', 'Costa', 'Gomes', 'Martins', 'Araújo', 'Ribeiro', 'Gonçalves', 'Barbosa', 'Rocha', 'Dias', 'Nascimento', 'Moreira', 'Cardoso', 'Teixeira', 'Correia', 'Mendes', 'Nunes', 'Conceição', 'Magalhães', 'Falcão', 'Brandão', 'Galvão', 'Simões', 'Assunção', 'Romão', 'Guimarães', 'Sampaio', 'Freitas', 'Monteiro', 'Batista', 'Xavier', 'Macêdo', 'Aragão'];
const COMPANY_WORDS = ['Comércio de Roupas', 'Distribuidora', 'Indústria e Comércio', 'Serviços', 'Confecções', 'Alimentos', 'Calçados', 'Móveis', 'Materiais de Construção', 'Cosméticos', 'Papelaria', 'Farmácia', 'Padaria', 'Ótica', 'Eletrônicos'];
const COMPANY_SUFFIX = ['Ltda', 'Ltda', 'S.A.', 'ME', 'EPP'];
const TRADE_PREFIX = ['Casa', 'Empório', 'Mundo', 'Loja', 'Ateliê', 'Armazém', 'Boutique', 'Mercadão'];
const DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'bol.com.br', 'terra.com.br', 'icloud.com'];

export const SEED_CATEGORIES: ReadonlyArray<{ name: string; color: string; status: 'active' | 'inactive' }> = [
  { name: 'VIP', color: '#b8860b', status: 'active' },
  { name: 'Atacado', color: '#1e6fd9', status: 'active' },
  { name: 'Varejo', color: '#2e9d57', status: 'active' },
  { name: 'Revendedores', color: '#8e44ad', status: 'active' },
  { name: 'Fidelidade Ouro', color: '#e6a100', status: 'active' },
  { name: 'Primeira compra', color: '#16a3b8', status: 'active' },
  { name: 'Black Friday 2024', color: '#222222', status: 'inactive' },
  { name: 'Inadimplentes antigos', color: '#c0392b', status: 'inactive' },
];

function fold(s: string): string {
  return searchKey(s).replace(/[^a-z0-9]+/g, '');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export interface SeedResult {
  categories: StoredCategory[];
  /** Customers, their figures being what their history adds up to (`writeSeed` computes them again as it writes the history). */
  customers: Customer[];
  /** What each customer did (orders, credits), in the order it happened. */
  history: CustomerHistory[];
  /** The push devices some customers registered in the store's app (or a browser), each when last seen. */
  devices: SeedDevice[];
}

export interface SeedDevice {
  customerId: string;
  token: string;
  platform: 'ios' | 'android' | 'web';
  appName: string;
  label: string;
  at: string;
}

/** The store's app, as seeded devices name it. */
export const SEED_APP_NAME = 'Clientela Loja';

/**
 * Devices for a realistic minority: only customers who can sign in (an active account) may have
 * turned push on, about two in three of them did (roughly one customer in seven of a seed), some
 * on two devices. Drawn from a PRNG of their own, so adding them changed no other seeded value.
 */
function seedDevices(customers: readonly Customer[], seedValue: number): SeedDevice[] {
  const rng = new Prng(hash32(`devices:${seedValue}`));
  const out: SeedDevice[] = [];
  for (const c of customers) {
    if (c.status !== 'active' || c.account.status !== 'active' || !rng.chance(0.65)) continue;
    const n = rng.chance(0.25) ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const roll = rng.next();
      const platform = roll < 0.55 ? 'android' : roll < 0.85 ? 'ios' : 'web';
      const label = platform === 'android' ? rng.pick(['Moto G', 'Galaxy A54', 'Redmi Note 13', 'Galaxy S23']) : platform === 'ios' ? rng.pick(['iPhone 13', 'iPhone 15', 'iPad']) : rng.pick(['Chrome no Windows', 'Firefox no Linux', 'Edge no Windows']);
      const seen = Math.max(Date.parse(c.createdAt), SEED_ANCHOR - rng.int(0, 90) * DAY - rng.int(0, DAY - 1));
      let token = `${platform === 'ios' ? 'apns' : platform === 'android' ? 'fcm' : 'webpush'}:`;
      for (let j = 0; j < 40; j++) token += '0123456789abcdef'[rng.int(0, 15)];
      out.push({ customerId: c.id, token, platform, appName: SEED_APP_NAME, label, at: iso(seen) });
    }
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * Deterministic seed data: `count` Brazilian customers for a given `seedValue`. Names come from
 * faker's pt_BR lists plus accented ones; every random choice is drawn from one seeded PRNG
 * (faker's own generators and @brazilian-utils' use Math.random), so the same seed value always
 * gives the same customers, documents and ids.
 */
export function generateSeed(count: number, seedValue: number): SeedResult {
  const rng = new Prng(seedValue);
  const defs = fakerPT_BR.rawDefinitions.person;
  const fakerFirst = defs?.first_name as { female?: string[]; male?: string[] } | undefined;
  const female = [...ACCENTED_FIRST.female, ...(fakerFirst?.female ?? [])];
  const male = [...ACCENTED_FIRST.male, ...(fakerFirst?.male ?? [])];
  const ceps = [...cepTable().values()];
  const created = iso(SEED_ANCHOR - 6 * 365 * DAY);
  const categories: StoredCategory[] = SEED_CATEGORIES.map((c, i) => ({
    id: `cat_${String(i + 1).padStart(4, '0')}`,
    name: c.name,
    color: c.color,
    status: c.status,
    createdAt: created,
    updatedAt: created,
    version: 1,
  }));
  const documents = new Set<string>();
  const iePools = new Map<string, string[]>();
  const customers: Customer[] = [];
  const history: CustomerHistory[] = [];
  for (let i = 0; i < count; i++) {
    const isPerson = rng.chance(0.75);
    const cep = rng.pick(ceps);
    const uf = cep.state as Uf;
    let document: string;
    do {
      document = isPerson ? generateCpf(rng) : generateCnpj(rng, rng.chance(0.15));
    } while (documents.has(document));
    documents.add(document);
    const isFemale = rng.chance(0.52);
    const firstName = rng.pick(isFemale ? female : male);
    const lastName = rng.chance(0.4) ? `${rng.pick(LAST)} ${rng.pick(LAST)}` : rng.pick(LAST);
    const createdMs = SEED_ANCHOR - rng.int(1, 5 * 365) * DAY - rng.int(0, DAY - 1);
    const createdIso = iso(createdMs);
    const ordersCount = rng.chance(0.18) ? 0 : Math.min(80, Math.floor(-Math.log(1 - rng.next()) * 6) + 1);
    const visitsCount = ordersCount + rng.int(0, 20);
    const mobile = rng.chance(0.75);
    const statusRoll = rng.next();
    const status = statusRoll < 0.82 ? 'active' : statusRoll < 0.92 ? 'inactive' : statusRoll < 0.96 ? 'blocked' : 'deleted';
    const sourceRoll = rng.next();
    const source = sourceRoll < 0.35 ? 'pos' : sourceRoll < 0.75 ? 'storefront' : sourceRoll < 0.9 ? 'admin' : 'import';
    const id = `cus_${(i + 1).toString(36).padStart(5, '0')}${rng.int(0, 36 ** 3 - 1).toString(36).padStart(3, '0')}`;
    const story = planHistory(rng, id, i, createdMs, ordersCount, isPerson ? 40_000 : 250_000, source as Customer['source']);
    const lastPlaced = story.orders[story.orders.length - 1]?.input.placedAt ?? null;
    history.push(story);
    const categoryIds: string[] = [];
    const nCats = rng.chance(0.55) ? rng.int(1, 2) : 0;
    for (let k = 0; k < nCats; k++) {
      const cat = rng.pick(categories);
      if (!categoryIds.includes(cat.id)) categoryIds.push(cat.id);
    }
    const emailName = isPerson ? `${fold(firstName)}.${fold(lastName.split(' ').pop() ?? '')}` : fold(lastName).slice(0, 10);
    const common = {
      id,
      status,
      email: `${emailName}${rng.chance(0.6) ? rng.int(1, 9999) : ''}@${isPerson ? rng.pick(DOMAINS) : `${fold(lastName).slice(0, 12)}.com.br`}`,
      phone: generatePhone(rng, uf, mobile),
      whatsapp: mobile && rng.chance(0.85),
      document,
      address: rng.chance(0.9)
        ? {
            postalCode: cep.postalCode,
            street: cep.street,
            number: String(rng.int(1, 3000)),
            ...(rng.chance(0.3) ? { complement: `Apto ${rng.int(1, 30)}${rng.int(0, 9)}` } : {}),
            district: cep.district,
            city: cep.city,
            state: uf,
            country: 'BR' as const,
          }
        : undefined,
      categoryIds,
      marketingConsent: { email: rng.chance(0.6), sms: rng.chance(0.3), whatsapp: rng.chance(0.5), updatedAt: createdIso },
      source,
      sources: [source],
      externalIds: {},
      account: { status: source === 'storefront' ? (rng.chance(0.6) ? 'active' : 'none') : rng.chance(0.05) ? 'invited' : 'none' },
      ...(rng.chance(0.3) ? { loyaltyCard: `CL${rng.digits(10)}` } : {}),
      ...(rng.chance(0.1) ? { discountPercent: rng.pick([5, 10, 15]) } : {}),
      // The purchase figures are what the planned orders add up to, so code that takes only the
      // customers (store tests, benchmarks) sees true figures; `writeSeed` stores the customers
      // without them and has the order service compute them again from the stored orders.
      stats: {
        ...purchaseStats(figuresOf(story.orders.map((o) => ({ ...o.input, status: o.input.status ?? 'pending' })))),
        visitsCount,
        firstVisitAt: visitsCount ? createdIso : null,
        lastVisitAt: visitsCount ? (lastPlaced ?? iso(createdMs + rng.int(0, 30) * DAY)) : null,
      },
      createdAt: createdIso,
      updatedAt: lastPlaced ?? createdIso,
      version: 1,
    };
    if (!common.address) delete common.address;
    let customer: Customer;
    if (isPerson) {
      customer = {
        ...common,
        kind: 'person',
        firstName,
        lastName,
        ...(rng.chance(0.7) ? { birthDate: iso(SEED_ANCHOR - rng.int(18 * 365, 80 * 365) * DAY).slice(0, 10) } : {}),
      } as Customer;
    } else {
      // Without an address there is no UF to check an IE against: such companies are exempt.
      const ie = common.address && rng.chance(0.8) ? generateStateRegistration(rng, uf, iePools) : 'ISENTO';
      customer = {
        ...common,
        kind: 'company',
        legalName: `${lastName} ${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIX)}`,
        tradeName: `${rng.pick(TRADE_PREFIX)} ${lastName.split(' ')[0]}`,
        ...(ie ? { stateRegistration: ie } : {}),
        ...(rng.chance(0.3) ? { municipalRegistration: rng.digits(rng.int(7, 11)) } : {}),
        firstName,
        lastName,
      } as Customer;
    }
    customers.push(customer);
  }
  return { categories, customers, history, devices: seedDevices(customers, seedValue) };
}
