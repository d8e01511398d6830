// End to end, channel settings (#17 §2): in the admin, Configurações → Canais de envio, a person
// points SMS at a gateway (the URL and signing secret required, said on their fields), saves, and
// sees the secret only masked afterwards; the server sends SMS with it.
import { createClient } from '@clientela/core/client';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, useStack } from './stack.js';

const stack = useStack({ seed: 5 });

describe('channel settings in the admin', () => {
  it('Configurações → Canais de envio: a webhook for SMS, required fields said, the secret masked after saving', async () => {
    const client = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const admin = await openAdmin(stack);
    await admin.getByRole('button', { name: 'Configurações' }).click();
    const section = admin.locator('#channel-settings');
    await section.getByRole('heading', { name: 'Canais de envio' }).waitFor({ timeout: 15_000 });
    const sms = section.locator('fieldset[data-channel=sms]');
    await sms.getByLabel('Provedor').selectOption('webhook');
    await section.getByRole('button', { name: 'Salvar canais' }).click();
    await expect.poll(() => sms.locator('#cs-sms-url-error').textContent(), { timeout: 15_000 }).not.toBe('');
    expect(await sms.getByLabel('URL do gateway').getAttribute('aria-invalid')).toBe('true');
    expect(await admin.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('name'))).toBe('sms.url');
    expect((await client.settings.channels()).sms.provider).toBe('development');

    await sms.getByLabel('URL do gateway').fill('https://gateway.example.test/sms');
    await sms.getByLabel('Segredo de assinatura').fill('whsec_gateway_e2e_4321');
    await sms.getByLabel('Limite por minuto (vazio: sem limite)').fill('60');
    await section.getByRole('button', { name: 'Salvar canais' }).click();
    await expect.poll(() => section.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Canais de envio salvos.');
    expect(await sms.textContent()).toContain('Guardado: ••••••4321. Deixe vazio para manter.');
    expect(await sms.getByLabel('Segredo de assinatura').inputValue()).toBe('');
    const stored = await client.settings.channels();
    expect(stored.sms).toEqual({ provider: 'webhook', url: 'https://gateway.example.test/sms', ratePerMinute: 60, secretMasked: '••••••4321' });
    expect(stored.email).toMatchObject({ provider: 'development' });
    await admin.close();
  }, 120_000);
});
