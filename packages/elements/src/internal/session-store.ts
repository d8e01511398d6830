import type { Session } from '@clientela/core';

/**
 * Where a signed-in shopper's session is kept between page loads: `localStorage`, so a reload or
 * a second tab stays signed in until the server's expiry. The registration form writes it (a
 * shopper who registers with a password is signed in), the account element reads and clears it.
 * Storage can be unavailable (private mode, a sandboxed frame): then the session lives only in
 * the element.
 */
const KEY = 'clientela:session';

/** The stored session, `'expired'` when one was stored but its time is over, or undefined. */
export function loadSession(now = Date.now()): Session | 'expired' | undefined {
  let text: string | null = null;
  try {
    text = localStorage.getItem(KEY);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const s = JSON.parse(text) as Session;
    if (typeof s?.token !== 'string' || typeof s.expiresAt !== 'string') throw new Error('shape');
    if (Date.parse(s.expiresAt) <= now) {
      clearSession();
      return 'expired';
    }
    return s;
  } catch {
    clearSession();
    return undefined;
  }
}

export function saveSession(session: Session): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // storage unavailable: the session lasts as long as the page
  }
}

export function clearSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
