/**
 * Reads a calendar date typed the Brazilian way, `dd/mm/aaaa` (also `dd-mm-aaaa` or `dd.mm.aaaa`),
 * or an ISO `aaaa-mm-dd`, and returns it as ISO `aaaa-mm-dd`; `undefined` when it is not a real
 * date (31/02/1990, 00/01/2000, a two-digit year).
 *
 * @example
 * parseDateBR('15/03/1990'); // '1990-03-15'
 * parseDateBR('31/02/1990'); // undefined
 */
export function parseDateBR(value: string): string | undefined {
  const text = value.trim();
  const br = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = br ? undefined : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!br && !iso) return undefined;
  const [y, m, d] = br ? [Number(br[3]), Number(br[2]), Number(br[1])] : [Number(iso![1]), Number(iso![2]), Number(iso![3])];
  if (m < 1 || m > 12 || d < 1 || y < 1) return undefined;
  // Day 0 of the next month is the last day of this one (leap years included).
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An ISO date (`aaaa-mm-dd`, or the date part of a timestamp) written `dd/mm/aaaa`; anything
 * else is returned unchanged.
 *
 * @example
 * formatDateBR('1990-03-15'); // '15/03/1990'
 */
export function formatDateBR(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Oldest age accepted for a birth date: older is a typing mistake (1899 for 1989). */
export const MAX_AGE_YEARS = 120;

/**
 * What is wrong with an ISO birth date on `today` (a `Date`, default now): `birth_date_future`,
 * `birth_date_too_old`, or `undefined` when it is plausible. Compared as calendar dates in UTC.
 *
 * @example
 * birthDateProblem('2990-01-01'); // 'birth_date_future'
 */
export function birthDateProblem(iso: string, today: Date = new Date()): 'birth_date_future' | 'birth_date_too_old' | undefined {
  const now = today.toISOString().slice(0, 10);
  if (iso > now) return 'birth_date_future';
  const oldest = `${String(today.getUTCFullYear() - MAX_AGE_YEARS).padStart(4, '0')}${now.slice(4)}`;
  if (iso < oldest) return 'birth_date_too_old';
  return undefined;
}
