import { expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

export async function settingsChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('settings', 'registration settings: required, optional or hidden per kind (changed briefly, then restored)');
  const read = await http.get('/v1/settings/registration');
  const original = read.status === 200 ? (read.json as Body) : undefined;

  await runner.check('GET /v1/settings/registration equals the public GET /v1/public/settings/registration', async () => {
    expectStatus(read, 200);
    const pub = await http.get('/v1/public/settings/registration', { key: 'publishable' });
    expectStatus(pub, 200);
    expectEqual(pub.json, original, 'public settings');
  });
  if (!original) return;
  const changed: Body = { ...original, person: { ...original.person, phone: 'required', birthDate: 'hidden' } };
  try {
    await runner.check('PUT /v1/settings/registration → 200; the public route shows the change', async () => {
      const put = await http.put('/v1/settings/registration', changed);
      expectStatus(put, 200);
      const pub = await http.get('/v1/public/settings/registration', { key: 'publishable' });
      expectEqual(pub.json, changed, 'public settings after PUT');
    });
    await runner.check('a required field missing → 422 required; a hidden field sent → 422 field_hidden', async () => {
      expectFieldError(await s.create(s.person({ phone: undefined })), 'phone', 'required');
      expectFieldError(await s.create(s.person({ birthDate: '1990-05-17' })), 'birthDate', 'field_hidden');
    });
    await runner.check('the public registration obeys the settings too', async () => {
      const body = s.person({ phone: undefined, notes: undefined });
      expectFieldError(await http.post('/v1/public/registrations', body, { key: 'publishable' }), 'phone', 'required');
    });
    await runner.check('PUT with an unknown rule → 422', async () => {
      expectProblem(await http.put('/v1/settings/registration', { ...original, person: { ...original.person, phone: 'sometimes' } }), 422);
    });
  } finally {
    await runner.check('PUT the original settings back → 200', async () => {
      expectStatus(await http.put('/v1/settings/registration', original), 200);
      expectEqual((await http.get('/v1/settings/registration')).json, original, 'settings after restoring');
    });
  }
}
