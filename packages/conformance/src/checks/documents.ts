import { formatCnpj, formatCpf } from '@clientela/core';
import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import { brokenCnpj, brokenCpf, newCnpj, newCpf } from '../fixtures.js';
import type { Session } from '../session.js';

const ADDRESS = { postalCode: '01310100', street: 'Avenida Paulista', number: '1000', city: 'São Paulo', state: 'SP' };

export async function documentChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('documents', 'Brazilian documents: CPF, CNPJ (numeric and alphanumeric), phone, CEP, inscrição estadual');

  await runner.check('a CPF with punctuation and spaces is accepted and stored normalized (11 digits)', async () => {
    const cpf = newCpf();
    const c = await s.mustCreate(s.person({ document: `  ${formatCpf(cpf)} ` }));
    expectEqual(c.document, cpf, 'stored document');
  });
  await runner.check('an invalid CPF → 422 invalid_cpf at document', async () => {
    expectFieldError(await s.create(s.person({ document: formatCpf(brokenCpf()) })), 'document', 'invalid_cpf');
  });
  await runner.check('a CNPJ on a person → 422 cnpj_on_person', async () => {
    expectFieldError(await s.create(s.person({ document: newCnpj() })), 'document', 'cnpj_on_person');
  });
  await runner.check('a CPF on a company → 422 cpf_on_company', async () => {
    expectFieldError(await s.create(s.company(newCpf())), 'document', 'cpf_on_company');
  });
  await runner.check('a numeric CNPJ with punctuation is accepted and stored normalized (14 digits)', async () => {
    const cnpj = newCnpj();
    const c = await s.mustCreate(s.company(formatCnpj(cnpj)));
    expectEqual(c.document, cnpj, 'stored document');
  });
  await runner.check('an alphanumeric CNPJ, typed lowercase with punctuation, is accepted and stored uppercase', async () => {
    const cnpj = newCnpj(true);
    const c = await s.mustCreate(s.company(formatCnpj(cnpj).toLowerCase()));
    expectEqual(c.document, cnpj, 'stored document');
  });
  await runner.check('an alphanumeric CNPJ with a wrong check digit → 422 invalid_cnpj', async () => {
    expectFieldError(await s.create(s.company(brokenCnpj())), 'document', 'invalid_cnpj');
  });
  await runner.check('a phone is stored in E.164; one with an area code that does not exist → 422 invalid_phone', async () => {
    const c = await s.mustCreate(s.person({ phone: '(11) 98765-4321' }));
    expectEqual(c.phone, '+5511987654321', 'stored phone');
    expectFieldError(await s.create(s.person({ phone: '(20) 98765-4321' })), 'phone', 'invalid_phone');
  });
  await runner.check('a CEP typed without its hyphen is stored as 00000-000; a malformed CEP → 422 invalid_cep', async () => {
    const c = await s.mustCreate(s.person({ address: ADDRESS }));
    expectEqual(c.address?.postalCode, '01310-100', 'stored CEP');
    expectFieldError(await s.create(s.person({ address: { ...ADDRESS, postalCode: '1310-10' } })), 'address.postalCode', 'invalid_cep');
  });
  await runner.check('an inscrição estadual is checked against the address UF; ISENTO is valid', async () => {
    const address = ADDRESS;
    await s.mustCreate(s.company(newCnpj(), { address, stateRegistration: '110.042.490.114' }));
    await s.mustCreate(s.company(newCnpj(), { address, stateRegistration: 'ISENTO' }));
    expectFieldError(await s.create(s.company(newCnpj(), { address, stateRegistration: '110.042.490.115' })), 'stateRegistration', 'invalid_state_registration');
  });
  await runner.check('a document already held by a customer that is not deleted → 409 duplicate_document naming it', async () => {
    const first = await s.mustCreate(s.person());
    const again = await s.create(s.person({ document: formatCpf(first.document) }));
    expectFieldError(again, 'document', 'duplicate_document', 409);
    expectEqual(again.json.existingId, first.id, '409 existingId');
  });
  await runner.check('a deleted customer frees its document: the same document can be registered again', async () => {
    const first = await s.mustCreate(s.person());
    expectStatus(await http.delete(`/v1/customers/${first.id}`), 200);
    expectStatus(await s.create(s.person({ document: first.document })), 201);
  });
  await runner.check('GET /v1/cep/:cep (public) → the address; malformed → 422; unknown → 404', async () => {
    const hit = await http.get('/v1/cep/01310-100', { key: 'publishable' });
    expectStatus(hit, 200);
    expect(/paulista/i.test(hit.json.street ?? '') && hit.json.state === 'SP', `01310-100 is not Avenida Paulista, SP: ${hit.text}`);
    expectProblem(await http.get('/v1/cep/1234', { key: 'publishable' }), 422);
    expectProblem(await http.get('/v1/cep/00000-000', { key: 'publishable' }), 404);
  });
}
