// New passwords: the server refuses short ones, trivial patterns and the most common passwords,
// with a localized reason, on every route that sets one; and says so ahead through a check route.
import { afterAll, describe, expect, it } from 'vitest';
import { app, call, COMPANY, PERSON } from './helpers.js';

describe('new passwords', () => {
  const s = app({ seed: 0 });
  afterAll(() => s.close());
  const pk = { key: s.keys.publishable };

  it('POST /public/password-checks gives the reason in the asked language, and stores nothing', async () => {
    const check = async (password: string, lang = 'pt-BR') =>
      (await call(s, 'POST', '/v1/public/password-checks', { ...pk, body: { password }, headers: { 'Accept-Language': lang } })).json;
    expect(await check('aaaaaaaa')).toEqual({ acceptable: false, errors: [expect.objectContaining({ path: 'password', code: 'password_trivial', message: expect.stringContaining('fácil de adivinhar') })] });
    expect((await check('12345678')).errors[0].code).toBe('password_trivial');
    expect((await check('abcd1234')).errors[0].code).toBe('password_trivial');
    expect((await check('qwertyuiop')).errors[0].code).toBe('password_trivial');
    // On the list of the most common passwords, whatever the case.
    for (const common of ['iloveyou', 'sunshine', 'Princess', 'football1', 'trustno1']) {
      expect((await check(common)).errors[0]?.code, common).toBe('password_common');
    }
    expect((await check('sunshine', 'en')).errors[0].message).toBe('This is one of the most used passwords and would be guessed quickly. Choose another.');
    expect((await check('sunshine', 'es')).errors[0].message).toContain('más usadas');
    expect((await check('short')).errors[0].code).toBe('weak_password');
    expect(await check('pé-de-moleque-9')).toEqual({ acceptable: true, errors: [] });
    expect((await call(s, 'POST', '/v1/public/password-checks', { key: null, body: { password: 'x' } })).status).toBe(401);
  });

  it('registration and set-password refuse trivial and common passwords with a 422 on the password', async () => {
    for (const password of ['aaaaaaaa', '12345678', 'iloveyou']) {
      const r = await call(s, 'POST', '/v1/public/registrations', { ...pk, body: { ...PERSON, password } });
      expect(r.status, password).toBe(422);
      expect(r.json.errors).toEqual([expect.objectContaining({ path: 'password', code: password === 'iloveyou' ? 'password_common' : 'password_trivial' })]);
    }
    // Nothing was saved: the same document registers afterwards.
    expect((await call(s, 'POST', '/v1/public/registrations', { ...pk, body: { ...PERSON, password: 'pé-de-moleque-9' } })).status).toBe(201);
    const c = (await call(s, 'POST', '/v1/customers', { body: COMPANY })).json;
    const inv = (await call(s, 'POST', `/v1/customers/${c.id}/invitations`)).json;
    const set = await call(s, 'POST', '/v1/public/password', { ...pk, body: { token: inv.token, email: COMPANY.email, password: 'password1' } });
    expect(set.status).toBe(422);
    expect(set.json.errors[0]).toMatchObject({ path: 'password', code: 'password_common' });
  });

  it('a birth date in the future or more than 120 years ago is refused', async () => {
    const future = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '111.444.777-35', birthDate: '2990-01-01' } });
    expect(future.json.errors).toEqual([expect.objectContaining({ path: 'birthDate', code: 'birth_date_future' })]);
    const old = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '111.444.777-35', birthDate: '1850-01-01' } });
    expect(old.json.errors).toEqual([expect.objectContaining({ path: 'birthDate', code: 'birth_date_too_old' })]);
    expect((await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '111.444.777-35', birthDate: '1990-03-15' } })).status).toBe(201);
  });
});
