import { isValidStateRegistration, type Uf } from '@clientela/core/validation';
import type { Prng } from './prng.js';

function mod11(values: number[], weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] as number) * (weights[i] as number);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** A valid CPF (11 digits) drawn from the seeded PRNG. */
export function generateCpf(rng: Prng): string {
  for (;;) {
    const base = rng.digits(9);
    if (/^(\d)\1+$/.test(base)) continue;
    const d = [...base].map(Number);
    const d1 = mod11(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
    const d2 = mod11([...d, d1], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    return `${base}${d1}${d2}`;
  }
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A valid CNPJ. With `alphanumeric`, the 12-character root and branch use `[0-9A-Z]` (value of a
 * character = ASCII code − 48), the format the Receita issues since July 2026.
 */
export function generateCnpj(rng: Prng, alphanumeric = false): string {
  let root = '';
  for (let i = 0; i < 8; i++) root += alphanumeric && i >= 2 && rng.chance(0.5) ? ALNUM[rng.int(10, 35)] : String(rng.int(0, 9));
  const branch = alphanumeric && rng.chance(0.3) ? `${ALNUM[rng.int(10, 35)]}${ALNUM[rng.int(10, 35)]}01` : `000${rng.int(1, 3)}`;
  const base = root + branch;
  const values = [...base].map((c) => c.charCodeAt(0) - 48);
  const d1 = mod11(values, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = mod11([...values, d1], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${base}${d1}${d2}`;
}

/** Length and fixed prefix of each UF's inscrição estadual (the common, current format). */
const IE_FORMATS: Record<Uf, { length: number; prefix: string }> = {
  AC: { length: 13, prefix: '01' }, AL: { length: 9, prefix: '24' }, AM: { length: 9, prefix: '04' },
  AP: { length: 9, prefix: '03' }, BA: { length: 9, prefix: '' }, CE: { length: 9, prefix: '06' },
  DF: { length: 13, prefix: '07' }, ES: { length: 9, prefix: '08' }, GO: { length: 9, prefix: '10' },
  MA: { length: 9, prefix: '12' }, MG: { length: 13, prefix: '' }, MS: { length: 9, prefix: '28' },
  MT: { length: 11, prefix: '00' }, PA: { length: 9, prefix: '15' }, PB: { length: 9, prefix: '16' },
  PE: { length: 9, prefix: '' }, PI: { length: 9, prefix: '19' }, PR: { length: 10, prefix: '' },
  RJ: { length: 8, prefix: '' }, RN: { length: 9, prefix: '20' }, RO: { length: 14, prefix: '0000' },
  RR: { length: 9, prefix: '24' }, RS: { length: 10, prefix: '' }, SC: { length: 9, prefix: '25' },
  SE: { length: 9, prefix: '27' }, SP: { length: 12, prefix: '' }, TO: { length: 11, prefix: '29' },
};


/**
 * A valid inscrição estadual for `uf`, or undefined when none was found quickly. Check-digit rules
 * differ for each of the 27 UFs; rather than re-implementing them, candidates are drawn and checked
 * with core's validator, and a small pool per UF is reused (an IE need not be unique).
 */
export function generateStateRegistration(rng: Prng, uf: Uf, iePools: Map<string, string[]>): string | undefined {
  const key = `${uf}`;
  let pool = iePools.get(key);
  if (!pool) {
    pool = [];
    const { length, prefix } = IE_FORMATS[uf];
    for (let attempt = 0; attempt < 400 && pool.length < 24; attempt++) {
      const body = prefix + rng.digits(length - prefix.length - 2);
      for (let cd = 0; cd < 100; cd++) {
        const candidate = body + String(cd).padStart(2, '0');
        if (isValidStateRegistration(candidate, uf)) {
          pool.push(candidate);
          break;
        }
      }
    }
    iePools.set(key, pool);
  }
  return pool.length ? rng.pick(pool) : undefined;
}

/** DDDs (area codes) in use, per UF. */
export const DDD_BY_UF: Record<Uf, number[]> = {
  AC: [68], AL: [82], AM: [92, 97], AP: [96], BA: [71, 73, 74, 75, 77], CE: [85, 88], DF: [61],
  ES: [27, 28], GO: [62, 64], MA: [98, 99], MG: [31, 32, 33, 34, 35, 37, 38], MS: [67], MT: [65, 66],
  PA: [91, 93, 94], PB: [83], PE: [81, 87], PI: [86, 89], PR: [41, 42, 43, 44, 45, 46], RJ: [21, 22, 24],
  RN: [84], RO: [69], RR: [95], RS: [51, 53, 54, 55], SC: [47, 48, 49], SE: [79],
  SP: [11, 12, 13, 14, 15, 16, 17, 18, 19], TO: [63],
};

/** An E.164 phone in `uf`: mobile (9 + 8 digits) or landline (2–5 + 7 digits). */
export function generatePhone(rng: Prng, uf: Uf, mobile: boolean): string {
  const ddd = rng.pick(DDD_BY_UF[uf]);
  const local = mobile ? `9${rng.int(6, 9)}${rng.digits(7)}` : `${rng.int(2, 5)}${rng.digits(7)}`;
  return `+55${ddd}${local}`;
}
