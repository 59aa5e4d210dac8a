import { spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shownDateTime, typeDateTime } from './forms';

interface Words {
  system: string;
  newForum: string;
  create: string;
  addSession: string;
  save: string;
  nameId: string;
  nameEn: string;
  acronym: string;
  city: string;
  country: string;
  venue: string;
  themeEn: string;
  zone: string;
  first: string;
  last: string;
  titleEn: string;
  date: string;
  starts: string;
  ends: string;
  checkMarked: string;
  zonePick: string;
  endBeforeStart: string;
  sessionEndsEarly: string;
  outside: string;
  tooLong: string;
  korea: string;
  time: (hhmm: string) => string;
  contacts: string;
  newContact: string;
  contactName: string;
  emails: string;
  emailDoubt: string;
  needName: string;
  fix: string;
  saved: string;
}

const indonesian: Words = {
  system: 'id_ID.UTF-8',
  newForum: 'Forum baru',
  create: 'Buat forum',
  addSession: 'Tambah sesi',
  save: 'Simpan',
  nameId: 'Nama (bahasa Indonesia)',
  nameEn: 'Nama (bahasa Inggris)',
  acronym: 'Singkatan',
  city: 'Kota',
  country: 'Negara',
  venue: 'Tempat',
  themeEn: 'Tema (bahasa Inggris)',
  zone: 'Zona waktu',
  first: 'Hari pertama',
  last: 'Hari terakhir',
  titleEn: 'Judul (bahasa Inggris)',
  date: 'Tanggal',
  starts: 'Mulai',
  ends: 'Selesai',
  checkMarked: 'Periksa isian yang ditandai',
  zonePick: 'Pilih zona waktu dari daftar',
  endBeforeStart: 'Tanggal selesai lebih awal daripada tanggal mulai (14 September 2017).',
  sessionEndsEarly: 'Sesi berakhir sebelum dimulai (14.30).',
  outside: 'Tanggal ini di luar hari-hari forum',
  tooLong: 'Isian ini terlalu panjang: paling banyak 60 karakter.',
  korea: 'Korea Selatan',
  time: (hhmm) => hhmm.replace(':', '.'),
  contacts: 'Kontak',
  newContact: 'Kontak baru',
  contactName: 'Nama',
  emails: 'Surel',
  emailDoubt: '“andi(at)example” tampaknya bukan alamat surel.',
  needName: 'Kontak memerlukan nama.',
  fix: 'Gunakan',
  saved: 'Tersimpan.',
};

const english: Words = {
  system: 'en_GB.UTF-8',
  newForum: 'New forum',
  create: 'Create forum',
  addSession: 'Add session',
  save: 'Save',
  nameId: 'Name (Indonesian)',
  nameEn: 'Name (English)',
  acronym: 'Acronym',
  city: 'City',
  country: 'Country',
  venue: 'Venue',
  themeEn: 'Theme (English)',
  zone: 'Time zone',
  first: 'First day',
  last: 'Last day',
  titleEn: 'Title (English)',
  date: 'Date',
  starts: 'Starts',
  ends: 'Ends',
  checkMarked: 'Check the marked fields',
  zonePick: 'Choose a time zone from the list',
  endBeforeStart: 'The end date is before the start date (14 September 2017).',
  sessionEndsEarly: 'The session ends before it starts (14:30).',
  outside: "This date is outside the forum's days",
  tooLong: 'This is too long: at most 60 characters.',
  korea: 'South Korea',
  time: (hhmm) => hhmm,
  contacts: 'Contacts',
  newContact: 'New contact',
  contactName: 'Name',
  emails: 'E-mails',
  emailDoubt: '“andi(at)example” does not look like an e-mail address.',
  needName: 'A contact needs a name.',
  fix: 'Use',
  saved: 'Saved.',
};

/** The field's own message, tied to it for screen readers. */
async function messageOf(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const texts = await Promise.all(
    ids.map((id) =>
      field
        .page()
        .locator(`[id="${id}"]`)
        .innerText()
        .catch(() => ''),
    ),
  );
  return texts.join(' ');
}

/** Serious and critical violations only, as in the accessibility spec. */
async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(blocking, where).toEqual([]);
}

async function openNewForum(page: Page, w: Words): Promise<Locator> {
  await page.getByRole('button', { name: w.newForum }).first().click();
  const dialog = page.getByRole('dialog', { name: w.newForum });
  await expect(dialog).toBeVisible();
  return dialog;
}

for (const w of [indonesian, english]) {
  test.describe(`forms in ${w.system}, browser in en-US`, () => {
    // The browser's own locale is American English: the fields must not follow it.
    test.use({ systemLang: w.system, locale: 'en-US', timezoneId: 'Asia/Jakarta' });
    // Browser mode would follow the browser's English: the UI language under test is chosen
    // (through the API, as the language switch does, without a page load).
    test.beforeEach(async ({ page, server }) => {
      const response = await page.request.post(`${server.origin}/api/settings.update`, {
        headers: { Authorization: `Bearer ${server.token}`, Origin: server.origin },
        data: { language: w.system.startsWith('id') ? 'id' : 'en' },
      });
      expect(response.ok()).toBe(true);
    });

    test('a bad time zone or an end before the start keeps every field, marks it, and the dialog stays', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      // The browser really is American: its own date format is month first.
      expect(await page.evaluate(() => new Date(Date.UTC(2017, 8, 14)).toLocaleDateString())).toBe(
        '9/14/2017',
      );
      const dialog = await openNewForum(page, w);
      for (const form of await dialog.locator('form').all())
        await expect(form).toHaveJSProperty('noValidate', true);

      // The zone defaults to this computer's, not UTC.
      const zone = dialog.getByRole('combobox', { name: w.zone });
      await expect(zone).toHaveValue('Jakarta (WIB, UTC+07:00)');

      await dialog.getByLabel(w.nameId).fill('Forum Kota HAM Sedunia 2017');
      await dialog.getByLabel(w.nameEn).fill('World Human Rights Cities Forum 2017');
      await dialog.getByLabel(w.acronym).fill('WHRCF');
      await dialog.getByLabel(w.city).fill('Gwangju');
      const country = dialog.getByRole('combobox', { name: w.country });
      await country.fill('Korea');
      await country.press('Tab');
      await dialog.getByLabel(w.venue).fill('Kim Dae-jung Convention Center');
      await dialog.getByLabel(w.themeEn).fill('Inclusive cities');
      await typeDateTime(dialog, w.first, '2017-09-14');
      await typeDateTime(dialog, w.last, '2017-09-17');
      await expect(country).toHaveValue(w.korea);
      expect(await shownDateTime(dialog, w.first)).toBe('14/09/2017');

      // A zone that does not exist: the dialog stays, with everything, and says so at the field.
      await zone.fill('Mars/Olympus Mons');
      await dialog.getByRole('button', { name: w.create }).click();
      await expect(dialog).toBeVisible();
      await expect(zone).toHaveAttribute('aria-invalid', 'true');
      await expect(zone).toBeFocused();
      expect(await messageOf(zone)).toContain(w.zonePick);
      await expect(dialog.getByRole('alert')).toContainText(w.checkMarked);
      await expect(dialog.getByLabel(w.nameId)).toHaveValue('Forum Kota HAM Sedunia 2017');
      await expect(dialog.getByLabel(w.nameEn)).toHaveValue('World Human Rights Cities Forum 2017');
      await expect(dialog.getByLabel(w.acronym)).toHaveValue('WHRCF');
      await expect(dialog.getByLabel(w.city)).toHaveValue('Gwangju');
      await expect(country).toHaveValue(w.korea);
      await expect(dialog.getByLabel(w.venue)).toHaveValue('Kim Dae-jung Convention Center');
      await expect(dialog.getByLabel(w.themeEn)).toHaveValue('Inclusive cities');
      expect(await shownDateTime(dialog, w.first)).toBe('14/09/2017');
      expect(await shownDateTime(dialog, w.last)).toBe('17/09/2017');
      await expect(zone).toHaveValue('Mars/Olympus Mons');
      // Never the host's raw words.
      await expect(page.getByText(/invalid|field:|timeZone/)).toHaveCount(0);

      await expectAccessible(page, 'forum dialog with its messages');

      // WIB is typeable, and the message leaves once the field is right.
      await zone.fill('WIB');
      await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Jakarta');
      await expect(zone).toHaveAttribute('aria-expanded', 'true');
      await expectAccessible(page, 'time-zone list open');
      await zone.press('Enter');
      await expect(zone).toHaveValue('Jakarta (WIB, UTC+07:00)');
      await expect(zone).not.toHaveAttribute('aria-invalid', 'true');
      await expect(dialog.getByRole('alert')).toHaveCount(0);
      // Gwangju keeps Seoul's time; Escape closes the list, never the dialog.
      await zone.fill('Gwangju');
      await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Seoul');
      await zone.press('Escape');
      await expect(page.getByRole('listbox')).toHaveCount(0);
      await expect(dialog).toBeVisible();
      await zone.press('ArrowDown');
      await zone.press('ArrowDown');
      await zone.press('ArrowUp');
      await zone.press('Enter');
      await expect(zone).toHaveValue('Seoul (KST, UTC+09:00)');

      // An end before the start: marked next to the field, nothing lost.
      await typeDateTime(dialog, w.last, '2017-09-10');
      await dialog.getByRole('button', { name: w.create }).click();
      await expect(dialog).toBeVisible();
      const last = dialog.getByRole('group', { name: w.last });
      await expect(dialog.locator('[data-field="endDate"]')).toHaveAttribute(
        'data-invalid',
        'true',
      );
      await expect(dialog.locator('[data-field="endDate"]')).toContainText(w.endBeforeStart);
      await expect(last.getByRole('spinbutton').first()).toBeFocused();
      await expect(dialog.getByLabel(w.nameEn)).toHaveValue('World Human Rights Cities Forum 2017');
      await expect(zone).toHaveValue('Seoul (KST, UTC+09:00)');

      await typeDateTime(dialog, w.last, '2017-09-17');
      await expect(dialog.locator('[data-field="endDate"]')).not.toContainText(w.endBeforeStart);
      await dialog.getByRole('button', { name: w.create }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('2017');

      // Stored as ISO codes and IANA names: "Korea" is KR, never "KO".
      // The page leaves first: its live connection must not see the server go away.
      await page.goto('about:blank');
      await server.stop();
      const workspace = await readFile(join(server.workspace, 'workspace.json'), 'utf8');
      expect(workspace).toMatch(/"country":\s*"KR"/);
      await server.start();
    });

    test('the host refusing a field is said next to it, translated, and the dialog keeps the input', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      const dialog = await openNewForum(page, w);
      await dialog.getByLabel(w.nameEn).fill('World Human Rights Cities Forum');
      const acronym = dialog.getByLabel(w.acronym);
      await acronym.fill('W'.repeat(61));
      await dialog.getByRole('button', { name: w.create }).click();
      await expect(acronym).toHaveAttribute('aria-invalid', 'true');
      expect(await messageOf(acronym)).toContain(w.tooLong);
      await expect(acronym).toBeFocused();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(w.nameEn)).toHaveValue('World Human Rights Cities Forum');
      await expect(page.getByText(/invalid|field:|acronym/)).toHaveCount(0);
      // Put right, the message goes and the forum is created.
      await acronym.fill('WHRCF');
      await expect(acronym).not.toHaveAttribute('aria-invalid', 'true');
      await dialog.getByRole('button', { name: w.create }).click();
      await expect(dialog).toBeHidden();
    });

    test('sessions: dd/mm/yyyy and 24-hour time in the UI language, end before start marked, outside the forum warned', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      const forumDialog = await openNewForum(page, w);
      await forumDialog.getByLabel(w.nameEn).fill('Forum');
      await typeDateTime(forumDialog, w.first, '2017-09-14');
      await typeDateTime(forumDialog, w.last, '2017-09-17');
      await forumDialog.getByRole('button', { name: w.create }).click();
      await expect(forumDialog).toBeHidden();

      await page.getByRole('button', { name: w.addSession }).click();
      const dialog = page.getByRole('dialog', { name: w.addSession });
      // A new session starts on the forum's first day.
      expect(await shownDateTime(dialog, w.date)).toBe('14/09/2017');
      await dialog.getByLabel(w.titleEn).fill('Closing ceremony');
      await typeDateTime(dialog, w.starts, '14:30');
      await typeDateTime(dialog, w.ends, '09:15');
      expect(await shownDateTime(dialog, w.starts)).toBe(w.time('14:30'));
      expect(await shownDateTime(dialog, w.ends)).toBe(w.time('09:15'));

      await dialog.getByRole('button', { name: w.save }).click();
      await expect(dialog).toBeVisible();
      await expect(dialog.locator('[data-field="end"]')).toContainText(w.sessionEndsEarly);
      await expect(
        dialog.getByRole('group', { name: w.ends }).getByRole('spinbutton').first(),
      ).toBeFocused();
      await expect(dialog.getByLabel(w.titleEn)).toHaveValue('Closing ceremony');

      // A day after the forum: a warning, and still saved.
      await typeDateTime(dialog, w.ends, '16:00');
      await typeDateTime(dialog, w.date, '2017-09-20');
      await expect(dialog.locator('[data-field="date"]')).toContainText(w.outside);
      await expect(dialog.locator('[data-field="end"] .field-message')).toHaveCount(0);
      await dialog.getByRole('button', { name: w.save }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText('Closing ceremony')).toBeVisible();
      await expect(page.getByText(`${w.time('14:30')}`).first()).toBeVisible();
    });

    test('contacts: a doubtful e-mail is warned and saved, a missing name marked', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: w.contacts, exact: true }).click();
      await page.getByRole('button', { name: w.newContact }).click();
      const emails = page.getByLabel(w.emails);
      await emails.fill('andi(at)example');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      const name = page.getByLabel(w.contactName, { exact: true });
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await expect(name).toBeFocused();
      expect(await messageOf(name)).toContain(w.needName);
      expect(await messageOf(emails)).toContain(w.emailDoubt);
      await expect(emails).toHaveValue('andi(at)example');

      await name.fill('Andi Saputra');
      await page.getByRole('combobox', { name: w.country }).fill('Korea');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      // Saved with the doubtful address as typed; the card says so when opened again.
      await expect(page.getByRole('button', { name: /Andi Saputra/ })).toBeVisible();
      await expect(page.getByLabel(w.emails)).toHaveValue('andi(at)example');
      await expect(page.locator('[data-field="emails"]')).toContainText(w.emailDoubt);
      await expect(page.getByRole('combobox', { name: w.country })).toHaveValue(w.korea);
    });
  });

  test.describe(`a country kept as free text by an import, in ${w.system}`, () => {
    test.use({
      systemLang: w.system,
      seed: {
        run: async (workspace: string) => {
          const card = join(workspace, '..', `${workspace.split('/').pop()}-card.vcf`);
          await writeFile(
            card,
            'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Min-ji\r\nADR:;;;Gwangju;;;S. Korea\r\nEND:VCARD\r\n',
          );
          const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
          const result = spawnSync(process.execPath, [
            cli,
            'contacts',
            'import',
            card,
            '--workspace',
            workspace,
          ]);
          await rm(card);
          if (result.status !== 0) throw new Error(result.stderr.toString());
        },
      },
    });

    test('is shown as written, no fix is guessed, and a country typed over it is recognised', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: w.contacts, exact: true }).click();
      await page.getByRole('button', { name: /Kim Min-ji/ }).click();
      const country = page.getByRole('combobox', { name: w.country });
      await expect(country).toHaveValue('S. Korea');
      await expect(page.locator('[data-field="country"] .field-message.warning')).toContainText(
        '“S. Korea”',
      );
      // No country is named "S. Korea", so no fix is guessed; a name typed over it is
      // recognised when the field is left.
      await expect(page.getByRole('button', { name: new RegExp(`^${w.fix} `) })).toHaveCount(0);
      await country.fill('Korea');
      await country.press('Tab');
      await expect(country).toHaveValue(w.korea);
      await expect(page.locator('[data-field="country"] .field-message')).toHaveCount(0);
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: w.saved })).toBeVisible();
      // The page leaves first: its live connection must not see the server go away.
      await page.goto('about:blank');
      await server.stop();
      const workspace = await readFile(join(server.workspace, 'workspace.json'), 'utf8');
      expect(workspace).toMatch(/"country":\s*"KR"/);
      await server.start();
    });
  });
}

test.describe('Indonesian chosen on an English system, browser in en-US', () => {
  test.use({ systemLang: 'en_US.UTF-8', locale: 'en-US', timezoneId: 'Asia/Singapore' });

  test('dates and times follow the chosen UI language, not the system or the browser', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    const dialog = await openNewForum(page, indonesian);
    // This computer's zone, its city named in Indonesian.
    await expect(dialog.getByRole('combobox', { name: 'Zona waktu' })).toHaveValue(
      'Singapura (UTC+08:00)',
    );
    await dialog.getByLabel(indonesian.nameId).fill('Lokakarya HAM');
    await typeDateTime(dialog, indonesian.first, '2025-08-27');
    expect(await shownDateTime(dialog, indonesian.first)).toBe('27/08/2025');
    await dialog.getByRole('button', { name: indonesian.create }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: indonesian.addSession }).click();
    const session = page.getByRole('dialog', { name: indonesian.addSession });
    await typeDateTime(session, indonesian.starts, '19:45');
    expect(await shownDateTime(session, indonesian.starts)).toBe('19.45');
    expect(await shownDateTime(session, indonesian.date)).toBe('27/08/2025');
  });
});
