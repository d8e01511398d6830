// The password rules a browser can check without zod: the form's strength meter imports these
// alone; the schema built on them is in password.ts.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];

/**
 * Whether `password` is made of at most two runs that each repeat one character or step through
 * the alphabet or digits (`aaaaaaaa`, `12345678`, `abcdefgh`, `98765432`, `aaaa1234`), repeats a
 * short unit (`abcabcabc`, `12121212`), or lies along a keyboard row (`qwertyui`, `asdfghjk`).
 * Case is ignored. These are the guesses an attacker tries first, whatever list they use.
 *
 * @example
 * isTrivialPassword('12345678'); // true
 * isTrivialPassword('pé-de-moleque'); // false
 */
export function isTrivialPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (p.length === 0) return true;
  for (let unit = 1; unit <= 4 && unit < p.length; unit++) {
    if (p.length % unit === 0 && p.slice(0, unit).repeat(p.length / unit) === p) return true;
  }
  for (const row of KEYBOARD_ROWS) {
    if (row.includes(p) || [...row].reverse().join('').includes(p)) return true;
  }
  let runs = 0;
  let i = 0;
  while (i < p.length) {
    runs++;
    if (runs > 2) return false;
    const step = p.charCodeAt(i + 1) - p.charCodeAt(i);
    let j = i + 1;
    if (i + 1 < p.length && Math.abs(step) <= 1) {
      while (j < p.length && p.charCodeAt(j) - p.charCodeAt(j - 1) === step) j++;
    }
    if (j - i < 3) return false;
    i = j;
  }
  return true;
}

/**
 * The first rule a new password breaks, or `undefined`: `weak_password` (length outside 8–200)
 * or `password_trivial` ({@link isTrivialPassword}). The server also refuses the most common
 * passwords (`password_common`), a list too large to ship to browsers.
 *
 * @example
 * passwordIssue('aaaaaaaa'); // 'password_trivial'
 */
export function passwordIssue(password: string): 'weak_password' | 'password_trivial' | undefined {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return 'weak_password';
  if (isTrivialPassword(password)) return 'password_trivial';
  return undefined;
}
