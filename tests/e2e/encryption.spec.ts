import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect, test } from './fixtures';

const PASS = 'delegasi kabupaten gwangju';
const NOTE = 'Participatory local democracy';

/** Every file under the workspace that still holds `text` as plain bytes. */
async function filesContaining(dir: string, text: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hits: string[] = [];
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(Buffer.from(text))) hits.push(path);
  }
  return hits;
}

test.describe('an encrypted workspace', () => {
  test.use({ systemLang: 'en_GB.UTF-8' });
  // Four key derivations (scrypt, 128 MiB each) and re-encrypting the example: seconds each
  // on a loaded machine.
  test.describe.configure({ timeout: 90_000 });

  test('is encrypted from Settings, shows its recovery key once, locks and unlocks', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open an example' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Encryption and app lock' });

    await section.getByLabel('New passphrase').fill(PASS);
    await section.getByLabel('Repeat the passphrase').fill('something else');
    await section.getByRole('button', { name: 'Encrypt workspace' }).click();
    await expect(section.getByRole('alert')).toHaveText('The two passphrases are not the same.');
    await section.getByLabel('Repeat the passphrase').fill(PASS);
    await section.getByRole('button', { name: 'Encrypt workspace' }).click();

    const dialog = page.getByRole('dialog', { name: 'Your recovery key' });
    // Key derivation and re-encrypting the example take seconds on a loaded machine.
    await expect(dialog).toBeVisible({ timeout: 20_000 });
    const recoveryKey = (await dialog.getByTestId('recovery-key').textContent()) ?? '';
    expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    await page.screenshot({ path: 'test-results/e2e/encryption-recovery-key.png' });
    // Printed, the page holds the key's sheet alone, on one page: no note, no menu.
    await page.emulateMedia({ media: 'print' });
    const printed = join(server.workspace, '..', `${basename(server.workspace)}-key.pdf`);
    await page.pdf({ path: printed, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', [printed, '-'], { encoding: 'utf8' });
    await rm(printed);
    expect(text).toContain(recoveryKey);
    expect(text).toContain('Risalah recovery key');
    expect(text).not.toContain('Settings');
    expect(text.split('\f').filter((page) => page.trim())).toHaveLength(1);
    // Escape does not lose the key, and Done waits until it is written down.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Done' })).toBeDisabled();
    await dialog.getByLabel('I have written down or printed the recovery key').check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();

    await expect(section).toContainText('This workspace is encrypted');
    expect(await filesContaining(server.workspace, NOTE)).toEqual([]);
    await section.getByLabel('Lock automatically after').selectOption({ label: '5 minutes' });
    await expect(section.getByRole('status')).toHaveText('Saved.');
    await section.getByText('Change the passphrase').click();
    await section.screenshot({ path: 'test-results/e2e/encryption-settings.png' });

    // Locking reloads the page: nothing decrypted stays in its memory.
    await section.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByRole('heading', { name: 'Risalah is locked' })).toBeVisible();
    await expect(page.getByRole('button', { name: /WHRCF 2017/ })).toHaveCount(0);

    await page.getByLabel('Passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    // Each attempt derives a key first (as slow as the machine is loaded).
    await expect(page.getByRole('alert')).toHaveText(
      'The passphrase (or recovery key) is not right. Nothing was changed; try again.',
      { timeout: 20_000 },
    );
    await page.screenshot({ path: 'test-results/e2e/encryption-unlock.png' });

    await page.getByRole('button', { name: 'Forgot the passphrase? Use the recovery key' }).click();
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /WHRCF 2017/ })
      .click();
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(
      page.getByRole('list', { name: 'Notes' }).getByRole('button', { name: new RegExp(NOTE) }),
    ).toHaveCount(1);

    // A new start asks again; the passphrase opens it. The page leaves first: its live
    // connection must not see the server go away (a refused reconnect is a console error).
    await page.goto('about:blank');
    await server.restart();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Risalah is locked' })).toBeVisible();
    await page.getByLabel('Passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(
      page.getByRole('navigation').getByRole('button', { name: /WHRCF 2017/ }),
    ).toBeVisible({ timeout: 20_000 });
  });
});

test.describe('the unlock screen on an Indonesian system', () => {
  test.use({
    systemLang: 'id_ID.UTF-8',
    seed: {
      run: async (workspace) => {
        const { encryptWorkspace } = await import('../../electron/node/store/encryption');
        await encryptWorkspace(workspace, PASS, { holder: 'seed' });
      },
    },
  });

  test('speaks Indonesian before the workspace, and its settings, can be read', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Risalah terkunci' })).toBeVisible();
    await page.getByLabel('Frasa sandi').fill(PASS);
    await page.getByRole('button', { name: 'Buka kunci' }).click();
    await page.getByRole('button', { name: 'Pengaturan' }).click();
    await expect(
      page.getByRole('region', { name: 'Enkripsi dan penguncian aplikasi' }),
    ).toContainText('Ruang kerja ini terenkripsi');
  });
});
