import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoSeed, expect, test } from './fixtures';

/** Serious and critical violations only: those that block a person from using the page. */
async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(blocking, where).toEqual([]);
}

const words = {
  id: {
    example: 'Buka contoh',
    members: 'Anggota delegasi',
    add: 'Tambah anggota',
    name: 'Nama beserta gelar',
    nip: 'NIP',
    rank: 'Pangkat/golongan',
    positionId: 'Jabatan (bahasa Indonesia)',
    positionEn: 'Jabatan (bahasa Inggris)',
    save: 'Simpan anggota',
    tab: 'Rincian laporan',
    assignmentNumber: 'Nomor surat',
    purposeId: 'Maksud dan tujuan (II) · Bahasa Indonesia',
    conclusionsEn: 'Kesimpulan (VI) · Bahasa Inggris',
    resultsId: 'Hasil yang dicapai (V) · Bahasa Indonesia',
    fill: 'Isi bagian yang kosong dari rancangan',
    filledTwo: '2 isian kosong telah diisi dari rancangan',
    nothing: 'Semua isian sudah terisi; tidak ada yang diubah.',
    remove: 'Hapus',
    removeAnyway: 'Tetap hapus',
    inUse: 'tercantum dalam laporan',
    forum: 'Forum Kota Hak Asasi Manusia Sedunia 2017',
    cancel: 'Batal',
    unsaved: 'Perubahan data anggota ini belum disimpan.',
    discard: 'Buang perubahan',
    chooseLogo: 'Pilih logo…',
    logoAlt: 'Logo kop surat',
    notImage: '“logo.png” bukan gambar PNG atau JPEG.',
    tooBig: '“besar.png” berukuran 200 KB; logo paling besar 150 KB.',
    addLine: 'Tambah baris',
    line3: 'Baris 3 (bahasa Indonesia)',
  },
  en: {
    example: 'Open an example',
    members: 'Delegation members',
    add: 'Add a member',
    name: 'Name with titles',
    nip: 'NIP',
    rank: 'Rank and grade (pangkat/golongan)',
    positionId: 'Position (Indonesian)',
    positionEn: 'Position (English)',
    save: 'Save member',
    tab: 'Report details',
    assignmentNumber: 'Letter number',
    purposeId: 'Purpose (II. Maksud dan Tujuan) · Indonesian',
    conclusionsEn: 'Conclusions (VI. Kesimpulan) · English',
    resultsId: 'Results (V. Hasil yang Dicapai) · Indonesian',
    fill: 'Fill empty texts from drafts',
    filledTwo: '2 empty texts were filled from the drafts',
    nothing: 'Every text already has content; nothing was changed.',
    remove: 'Remove',
    removeAnyway: 'Remove anyway',
    inUse: 'is listed in the report of',
    forum: 'Forum Kota Hak Asasi Manusia Sedunia 2017',
    cancel: 'Cancel',
    unsaved: 'This member has changes that are not saved.',
    discard: 'Discard changes',
    chooseLogo: 'Choose a logo…',
    logoAlt: "The letterhead's logo",
    notImage: '“logo.png” is not a PNG or JPEG image.',
    tooBig: '“besar.png” is 200 KB; a logo can be at most 150 KB.',
    addLine: 'Add a line',
    line3: 'Line 3 (Indonesian)',
  },
} as const;

// A 1×1 PNG, a text file named like one, and a "PNG" too large for a letterhead.
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PNG_SIGNATURE = PNG_1X1.subarray(0, 8);

const NEW_MEMBER = 'Nur Aini Rahmawati, S.H.';
const NEW_NIP = '19850214 201001 2 003';
const NUMBER = '094/777/SPT/02/2017';

/** Waits until the report's edits have reached the host (the autosave sent them). */
async function savedReport(page: Page, edit: () => Promise<void>) {
  const saved = page.waitForResponse((r) => r.url().includes('/api/report.update') && r.ok());
  await edit();
  await saved;
}

async function openReport(page: Page, w: (typeof words)['id' | 'en']) {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /WHRCF 2017/ })
    .click();
  await page.getByRole('tab', { name: w.tab }).click();
  await expect(page.getByLabel(w.assignmentNumber)).toBeVisible();
}

/** At 800×700 the page fits without scrolling sideways; its screenshot is kept to look at. */
async function narrowScreenshot(page: Page, name: string) {
  await page.setViewportSize({ width: 800, height: 700 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name}: page scrolls sideways`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `test-results/e2e/${name}-800.png`, fullPage: true });
}

/** Browser mode with the examples opened, as a new user starts; the members list on Home. */
async function openExample(page: Page, url: string, w: (typeof words)['id' | 'en']) {
  await page.goto(url);
  await page.getByRole('button', { name: w.example }).click();
  const members = page.getByRole('list', { name: w.members });
  await expect(members.getByRole('listitem')).toHaveCount(6);
  return members;
}

/** The member picked and the number typed are there when the report is opened again. */
async function expectReportKept(page: Page, w: (typeof words)['id' | 'en']) {
  await openReport(page, w);
  await expect(page.getByRole('checkbox', { name: NEW_MEMBER })).toBeChecked();
  await expect(page.getByLabel(w.assignmentNumber)).toHaveValue(NUMBER);
}

for (const [lang, systemLang] of [
  ['id', 'id_ID.UTF-8'],
  ['en', 'en_GB.UTF-8'],
] as const) {
  const w = words[lang];
  test.describe(`report details (${lang})`, () => {
    test.use({ systemLang });

    test('add a member, pick who travelled, type the assignment number: all still there after a reload and a restart', async ({
      page,
      server,
    }) => {
      // Two accessibility scans and a server restart: more than the default on a loaded machine.
      test.slow();
      await page.setViewportSize({ width: 1360, height: 860 });
      // The example's members are in the profile; add one more.
      const members = await openExample(page, server.url, w);
      await page.getByRole('button', { name: w.add }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(w.name).fill(NEW_MEMBER);
      await dialog.getByLabel(w.nip, { exact: true }).fill(NEW_NIP);
      await dialog.getByLabel(w.rank).fill('Penata (III/c)');
      await dialog.getByLabel(w.positionId).fill('Analis Hukum, Bagian Hukum');
      await dialog.getByLabel(w.positionEn).fill('Legal Analyst, Legal Division');
      await dialog.getByRole('button', { name: w.save }).click();
      await expect(dialog).toBeHidden();
      await expect(members.getByRole('listitem')).toHaveCount(7);
      await expect(members).toContainText(`NIP ${NEW_NIP}`);
      await expectAccessible(page, 'profile with members and letterhead');
      await page.screenshot({
        path: `test-results/e2e/profile-members-${lang}-1360.png`,
        fullPage: true,
      });
      await narrowScreenshot(page, `profile-members-${lang}`);
      await page.setViewportSize({ width: 1360, height: 860 });

      await openReport(page, w);
      // The example's report is complete: its number is already there.
      await expect(page.getByLabel(w.assignmentNumber)).toHaveValue('094/518/SPT/02/2017');
      await expectAccessible(page, 'report details');
      await page.screenshot({
        path: `test-results/e2e/report-details-${lang}-1360.png`,
        fullPage: true,
      });
      await savedReport(page, () => page.getByRole('checkbox', { name: NEW_MEMBER }).check());
      await savedReport(page, () => page.getByLabel(w.assignmentNumber).fill(NUMBER));

      await page.reload();
      await expectReportKept(page, w);

      // From the disk, not only from the server's memory: the window closes, the app quits.
      await page.goto('about:blank');
      await server.restart();
      await page.goto(server.url);
      await expectReportKept(page, w);
      await narrowScreenshot(page, `report-details-${lang}`);
    });

    test('filling from drafts fills only the empty texts; a member a report lists is removed only when confirmed', async ({
      page,
      server,
    }) => {
      await openExample(page, server.url, w);
      await openReport(page, w);
      const purposeId = page.getByRole('textbox', { name: w.purposeId });
      const conclusionsEn = page.getByRole('textbox', { name: w.conclusionsEn });
      const resultsId = page.getByRole('textbox', { name: w.resultsId });
      const written = await resultsId.inputValue();
      expect(written).toContain('Delegasi Kabupaten Lampung Timur mengikuti');
      await savedReport(page, async () => {
        await purposeId.fill('');
        await conclusionsEn.fill('');
      });

      await savedReport(page, () => page.getByRole('button', { name: w.fill }).click());
      await expect(page.getByRole('status').filter({ hasText: w.filledTwo })).toBeVisible();
      await expect(purposeId).not.toHaveValue('');
      await expect(conclusionsEn).not.toHaveValue('');
      const drafted = await purposeId.inputValue();
      // What the delegate wrote stays as written.
      await expect(resultsId).toHaveValue(written);
      await page.getByRole('button', { name: w.fill }).click();
      await expect(page.getByRole('status').filter({ hasText: w.nothing })).toBeVisible();
      await expect(purposeId).toHaveValue(drafted);

      await page.reload();
      await openReport(page, w);
      await expect(page.getByRole('textbox', { name: w.purposeId })).toHaveValue(drafted);

      // Removing the head of delegation, who is listed and signs: asked twice, then gone
      // from the list of who travelled, while the signature keeps the name.
      const head = 'Drs. Hendra Wijaya Kusuma, M.Si.';
      await page.getByRole('button', { name: /^(Beranda|Home)$/ }).click();
      await page.getByRole('button', { name: `${w.remove}: ${head}` }).click();
      const confirm = page.getByRole('dialog');
      await confirm.getByRole('button', { name: w.remove, exact: true }).click();
      await expect(confirm.getByRole('alert')).toContainText(w.inUse);
      await expect(confirm.getByRole('alert')).toContainText(w.forum);
      await expect(page.getByRole('list', { name: w.members })).toContainText(head);
      await confirm.getByRole('button', { name: w.removeAnyway }).click();
      await expect(confirm).toBeHidden();
      await expect(page.getByRole('list', { name: w.members })).not.toContainText(head);
      await openReport(page, w);
      await expect(page.getByRole('checkbox', { name: head })).toHaveCount(0);
      await expect(page.getByRole('textbox', { name: /^(Nama|Name)$/ }).first()).toHaveValue(head);
    });

    test('typing in the report, then reloading 50 ms later, loses nothing', async ({
      page,
      server,
    }) => {
      await openExample(page, server.url, w);
      await openReport(page, w);
      const field = page.getByLabel(w.assignmentNumber);
      await field.fill('');
      await field.pressSequentially('094/123/SPT', { delay: 10 });
      await page.waitForTimeout(50);
      await page.reload();
      await openReport(page, w);
      await expect(page.getByLabel(w.assignmentNumber)).toHaveValue('094/123/SPT');
    });

    test('a member typed and cancelled is not dropped without a word; the letterhead takes a PNG logo and refuses what is not one', async ({
      page,
      server,
    }) => {
      const members = await openExample(page, server.url, w);

      // Cancel with something typed: asked first, then dropped only on purpose.
      await page.getByRole('button', { name: w.add }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(w.name).fill('Setengah Diketik');
      await dialog.getByRole('button', { name: w.cancel }).click();
      await expect(dialog.getByRole('alert')).toHaveText(w.unsaved);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(w.name)).toHaveValue('Setengah Diketik');
      await dialog.getByRole('button', { name: w.discard }).click();
      await expect(dialog).toBeHidden();
      await expect(members.getByRole('listitem')).toHaveCount(6);

      // The example's logo is there; a text file and a too-large file are refused with a word.
      await expect(page.getByRole('img', { name: w.logoAlt })).toHaveAttribute(
        'src',
        /^data:image\/png;base64,/,
      );
      const logoInput = page.getByLabel(w.chooseLogo);
      await logoInput.setInputFiles({
        name: 'logo.png',
        mimeType: 'image/png',
        buffer: Buffer.from('not an image at all'),
      });
      await expect(page.getByRole('alert').filter({ hasText: w.notImage })).toBeVisible();
      await logoInput.setInputFiles({
        name: 'besar.png',
        mimeType: 'image/png',
        buffer: Buffer.concat([PNG_SIGNATURE, Buffer.alloc(200 * 1024 - 8)]),
      });
      await expect(page.getByRole('alert').filter({ hasText: w.tooBig })).toBeVisible();

      const saved = (holding: string) =>
        page.waitForResponse(
          (r) =>
            r.url().includes('/api/letterhead.update') &&
            r.ok() &&
            (r.request().postData() ?? '').includes(holding),
        );
      let done = saved(PNG_1X1.toString('base64'));
      await logoInput.setInputFiles({ name: 'kecil.png', mimeType: 'image/png', buffer: PNG_1X1 });
      await done;
      await expect(page.getByRole('alert').filter({ hasText: w.tooBig })).toHaveCount(0);
      done = saved('BAGIAN HUKUM');
      await page.getByRole('button', { name: w.addLine }).click();
      await page.getByLabel(w.line3).fill('BAGIAN HUKUM');
      await done;

      await page.reload();
      await expect(page.getByRole('img', { name: w.logoAlt })).toHaveAttribute(
        'src',
        `data:image/png;base64,${PNG_1X1.toString('base64')}`,
      );
      await expect(page.getByLabel(w.line3)).toHaveValue('BAGIAN HUKUM');
    });
  });
}

test.describe('risalah demo (the built command line)', () => {
  test.use({
    systemLang: 'en_GB.UTF-8',
    seed: demoSeed,
  });

  test('adds the examples with their report details: who travelled, the letter, who signs', async ({
    page,
    server,
  }) => {
    const w = words.en;
    await page.goto(server.url);
    await expect(page.getByRole('list', { name: w.members }).getByRole('listitem')).toHaveCount(6);
    await openReport(page, w);
    await expect(page.getByLabel(w.assignmentNumber)).toHaveValue('094/518/SPT/02/2017');
    for (const name of [
      'Drs. Hendra Wijaya Kusuma, M.Si.',
      'Rina Puspitasari, S.H., M.H.',
      'Agus Setiawan, S.Sos.',
      'Dewi Anggraini, S.Kom.',
    ]) {
      await expect(page.getByRole('checkbox', { name })).toBeChecked();
    }
    await expect(page.getByRole('checkbox', { name: 'Siti Khodijah' })).not.toBeChecked();
    await expect(page.getByLabel('Addressed to (Indonesian)')).toHaveValue(
      'Yth. Bupati Lampung Timur',
    );
    await expect(page.getByRole('group', { name: 'Signatory 2' }).getByLabel('Name')).toHaveValue(
      'Ir. Bambang Sutrisno, M.M.',
    );
  });
});
