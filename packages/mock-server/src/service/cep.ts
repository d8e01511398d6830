import { cityKey, formatCep } from '@clientela/core/format';
import type { CepAddress } from '@clientela/core/schemas';
import { isValidUf, stateOfCep, type Uf } from '@clientela/core/validation';
import type { ServerContext } from '../context.js';
import { cepTable } from '../seed/cep.js';
import type { CepCityRanges } from './cep-cities.js';

// The answer to "which address is this CEP" (#16 §3). Offline (the default, so `npm start` works
// without internet): the bundled table for a street, else the municipality from the Correios'
// ranges per municipality (Node), else the UF from the ranges per UF. Online
// (`--cep online`): the real services through @brazilian-utils/brazilian-utils'
// getAddressInfoByCep (ViaCEP and BrasilAPI raced), cached in the store so processes share it,
// falling back to the offline answer when the services fail or are slow.

export interface CepOptions {
  /** `online` asks the real services; `offline` (default) answers from what ships with the server. */
  mode?: 'offline' | 'online';
  /** How long a found address stays cached (default 30 days); a CEP the services do not know, a day. */
  cacheMs?: number;
  /** How long the services get before the offline answer is given (default 4 s). */
  timeoutMs?: number;
  /**
   * Sends the library's requests to ViaCEP and BrasilAPI to `<url>/viacep/…` and
   * `<url>/brasilapi/…` instead (a local fake of the services in tests and demos). The library
   * fetches fixed URLs through the global `fetch`, so this wraps it for the whole process.
   */
  serviceUrl?: string;
  /**
   * The CEP ranges per municipality, loaded on first use (the Node entry passes the table of
   * `data/cep-cities.json`). Without them an offline answer for a CEP outside the street table
   * knows only the UF: the browser entry leaves them out so a page does not carry them.
   */
  cityRanges?: () => Promise<CepCityRanges>;
}

const DAY_MS = 86_400_000;
type Cached = CepAddress | { notFound: true };

/**
 * The offline answer: the street table's address; else the municipality whose range holds the CEP
 * (`precision: city`, with its IBGE code); else the UF of the CEP's range (`precision: state`).
 */
export function offlineCep(digits: string, cities?: CepCityRanges): CepAddress | undefined {
  const hit = cepTable().get(digits);
  if (hit) return { ...hit, precision: 'address' };
  const postalCode = formatCep(digits);
  const city = cities?.find(digits);
  if (city) return { postalCode, street: '', district: '', city: city.city, state: city.state, precision: 'city', ibgeCode: city.ibgeCode };
  const state = stateOfCep(digits);
  return state ? { postalCode, street: '', district: '', city: '', state, precision: 'state' } : undefined;
}

/** The municipality as the IBGE lists it (name and code), when the name (ignoring case and accents) is one of the UF's. */
export async function ibgeCity(name: string, state: Uf): Promise<{ name: string; code: string } | undefined> {
  const { getMunicipalities } = await import('@brazilian-utils/brazilian-utils');
  const key = cityKey(name);
  const m = getMunicipalities(state).find((x) => cityKey(x.name) === key);
  return m && { name: m.name, code: m.code };
}

let redirectBase: string | undefined;
let wrapped = false;
const SERVICES: [string, string][] = [
  ['https://viacep.com.br/', 'viacep/'],
  ['https://brasilapi.com.br/', 'brasilapi/'],
];

function redirectServices(base: string): void {
  redirectBase = base.replace(/\/+$/, '');
  if (wrapped) return;
  wrapped = true;
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const service = redirectBase ? SERVICES.find(([from]) => url.startsWith(from)) : undefined;
    return service ? original(`${redirectBase}/${service[1]}${url.slice(service[0].length)}`, init) : original(input, init);
  };
}

/** Looks CEPs up as {@link CepOptions} say. */
export class CepLookup {
  readonly mode: 'offline' | 'online';
  readonly #cacheMs: number;
  readonly #timeoutMs: number;
  readonly #cityRanges: (() => Promise<CepCityRanges>) | undefined;

  constructor(options: CepOptions = {}) {
    this.mode = options.mode ?? 'offline';
    this.#cacheMs = options.cacheMs ?? 30 * DAY_MS;
    this.#timeoutMs = options.timeoutMs ?? 4000;
    this.#cityRanges = options.cityRanges;
    if (options.serviceUrl) redirectServices(options.serviceUrl);
  }

  /** The address of an 8-digit CEP, or undefined when none is known (online: the services know no such CEP). */
  async lookup(ctx: ServerContext, digits: string): Promise<CepAddress | undefined> {
    if (this.mode === 'offline') return this.#offline(digits);
    const key = `cep:${digits}`;
    const now = ctx.now();
    const cached = await ctx.store.getMeta<Cached>(key, now.toISOString());
    if (cached) return 'notFound' in cached ? undefined : cached;
    const answer = await this.#ask(digits);
    if (answer === 'failed') return this.#offline(digits);
    const expires = new Date(now.getTime() + (answer === 'not_found' ? DAY_MS : this.#cacheMs)).toISOString();
    await ctx.store.setMeta(key, answer === 'not_found' ? { notFound: true } : answer, expires);
    return answer === 'not_found' ? undefined : answer;
  }

  async #offline(digits: string): Promise<CepAddress | undefined> {
    return offlineCep(digits, this.#cityRanges ? await this.#cityRanges() : undefined);
  }

  async #ask(digits: string): Promise<CepAddress | 'not_found' | 'failed'> {
    const { getAddressInfoByCep } = await import('@brazilian-utils/brazilian-utils');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'failed'>((resolve) => (timer = setTimeout(() => resolve('failed'), this.#timeoutMs)));
    try {
      const info = await Promise.race([getAddressInfoByCep(digits), late]);
      if (info === 'failed') return 'failed';
      const state = info.state.toUpperCase();
      // An answer that names no real UF is no answer: the offline one is better.
      if (!isValidUf(state) || info.cep !== digits || !info.city) return 'failed';
      const ibge = await ibgeCity(info.city, state);
      return {
        postalCode: formatCep(info.cep),
        street: info.street,
        district: info.neighborhood,
        city: ibge?.name ?? info.city,
        state,
        precision: info.street ? 'address' : 'city',
        ...(ibge ? { ibgeCode: ibge.code } : {}),
      };
    } catch (e) {
      return (e as Error).name === 'GetAddressInfoByCepNotFoundError' ? 'not_found' : 'failed';
    } finally {
      clearTimeout(timer);
    }
  }
}
