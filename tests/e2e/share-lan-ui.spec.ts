import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect as baseExpect, RisalahServer, test } from './fixtures';
import { exact, wording } from './wording';
import { openForumTab, screenshotChecked, openWhrcfSection } from './steps';

/**
 * Host this delegation and Join, as two delegates click them: two browser-mode instances on
 * two workspaces, the host listening on loopback only (`--lan-bind 127.0.0.1`). A note typed
 * on the host's laptop appears in the other's notes list and forum file; both type in it,
 * each while it is open on the other's screen, and neither loses a word; the host removes
 * the other laptop, which is told so.
 */

// Each step waits on the host (TLS, pairing, Automerge); on a loaded machine that is seconds.
const expect = baseExpect.configure({ timeout: 30_000 });
const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const INDONESIAN_SIDE = { id: 'Bahasa Indonesia', en: 'Indonesian' };
const AYU = 'Chusnunia';
const BUDI = 'Budi Santoso';
const NOTE = 'Catatan lewat jaringan: delegasi Gwangju menyambut rencana aksi.';
const BUDI_ADDS = ' Budi: usulan disepakati.';
const AYU_ADDS = 'Ayu: ';

for (const [systemLang, lang, locale] of [
  ['id_ID.UTF-8', 'id', 'id-ID'],
  ['en_GB.UTF-8', 'en', 'en-GB'],
] as const) {
  test(`host this delegation and join it from the Share panel (${lang})`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(240_000);
    const t = wording(lang);
    const ayuDir = await mkdtemp(join(tmpdir(), 'risalah-e2e-'));
    const budiDir = await mkdtemp(join(tmpdir(), 'risalah-e2e-'));
    const demo = spawnSync(process.execPath, [cli, 'demo', '--workspace', ayuDir], {
      encoding: 'utf8',
    });
    expect(demo.status, demo.stderr).toBe(0);
    const servers = [ayuDir, budiDir].map(
      (dir) => new RisalahServer(dir, systemLang, ['--lan-bind', '127.0.0.1']),
    );
    const [ayuServer, budiServer] = servers as [RisalahServer, RisalahServer];
    const contexts = await Promise.all(
      [0, 1].map(() => browser.newContext({ locale, viewport: { width: 1360, height: 860 } })),
    );
    const problems: string[] = [];
    const pages = await Promise.all(contexts.map((context) => context.newPage()));
    for (const page of pages) page.on('pageerror', (error) => problems.push(error.message));
    const [ayu, budi] = pages as [Page, Page];
    try {
      await Promise.all(servers.map((server) => server.start()));

      // Ayu shares the forum and hosts the delegation.
      await ayu.goto(ayuServer.url);
      await ayu
        .getByRole('navigation')
        .getByRole('button', { name: /WHRCF 2017/ })
        .click();
      const forumId = /#\/forum\/([^/]+)/.exec(ayu.url())?.[1] ?? '';
      await openForumTab(ayu, t, 'share');
      await ayu.getByRole('button', { name: t('share:delegation.start') }).click();
      await expect(ayu.getByText(t('share:delegation.shared'))).toBeVisible();
      await expect(ayu.getByText(t('share:network.off'))).toBeVisible();
      await ayu.getByRole('button', { name: t('share:network.host') }).click();
      await expect(ayu.getByText(t('share:network.hosting'))).toBeVisible();
      const address = (await ayu.locator('.lan-address').textContent()) ?? '';
      const code = (await ayu.locator('.lan-code').textContent()) ?? '';
      expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(code).toMatch(/^\d{4}-\d{4}$/);
      await expect(ayu.getByRole('img', { name: t('share:network.qr') })).toBeVisible();

      // Budi names himself and joins from Home (his laptop has no forum yet).
      await budi.goto(budiServer.url);
      await budi.getByLabel(t('notebook:profile.headName')).fill(BUDI);
      await budi.getByRole('button', { name: t('notebook:profile.save') }).click();
      await expect(budi.getByRole('heading', { name: t('notebook:profile.edit') })).toBeVisible();
      await budi.getByLabel(t('share:network.joinAddress')).fill(address);
      await budi.getByLabel(t('share:network.joinCode')).fill(code);
      await budi.getByRole('button', { name: exact(t('share:network.join')) }).click();
      await expect(budi.getByText(t('share:network.joined', { host: AYU, address }))).toBeVisible();
      // The shared forum arrives by itself; Ayu sees Budi connected.
      await openWhrcfSection(budi, t, 'notes');
      const peers = ayu.getByRole('list', { name: t('share:network.peers') });
      await expect(peers.getByRole('listitem')).toContainText(BUDI);
      await screenshotChecked(ayu, testInfo, `${lang}-1360-hosting`);

      // Ayu writes a note during the session; it appears on Budi's screen by itself.
      await openForumTab(ayu, t, 'notes');
      await ayu.getByRole('button', { name: t('notebook:notes.new') }).click();
      await ayu.getByRole('textbox', { name: INDONESIAN_SIDE[lang], exact: true }).fill(NOTE);
      const budiList = budi.getByRole('list', { name: exact(t('notebook:notes.listLabel')) });
      await expect(budiList.getByText(NOTE.slice(0, 40))).toBeVisible({ timeout: 60_000 });

      // Ayu keeps the note open, her cursor at its start; Budi adds a sentence at its end.
      // It comes onto her screen without moving her cursor, and what she types next keeps it.
      const ayuText = ayu.getByRole('textbox', { name: INDONESIAN_SIDE[lang], exact: true });
      await ayuText.click();
      await ayu.keyboard.press('Control+Home');
      await budiList.getByText(NOTE.slice(0, 40)).click();
      const budiText = budi.getByRole('textbox', { name: INDONESIAN_SIDE[lang], exact: true });
      await expect(budiText).toHaveValue(NOTE);
      await budiText.click();
      await budi.keyboard.press('Control+End');
      await budi.keyboard.type(BUDI_ADDS);
      await expect(ayuText).toHaveValue(NOTE + BUDI_ADDS, { timeout: 60_000 });
      await expect(ayuText).toBeFocused();
      await ayu.keyboard.type(AYU_ADDS);
      const both = AYU_ADDS + NOTE + BUDI_ADDS;
      await expect(ayuText).toHaveValue(both);
      await expect(budiText).toHaveValue(both, { timeout: 60_000 });

      // The host removes Budi's laptop: it is told, and stops.
      await openForumTab(ayu, t, 'share');
      await ayu
        .getByRole('button', { name: t('share:network.removeLabel', { name: BUDI }) })
        .click();
      await expect(ayu.getByText(t('share:network.noPeers'))).toBeVisible();
      await budi
        .getByRole('navigation')
        .getByRole('button', { name: exact(t('common:nav.home')) })
        .click();
      // It is told it was removed (not that its code was wrong) and stops trying.
      await expect(budi.getByText(t('share:network.refused.removed', { address }))).toBeVisible();
      await budi.setViewportSize({ width: 800, height: 700 });
      await screenshotChecked(budi, testInfo, `${lang}-800-removed`);
      await ayu.setViewportSize({ width: 800, height: 700 });
      await screenshotChecked(ayu, testInfo, `${lang}-800-host-panel`);

      // On disk: Budi's forum file holds Ayu's note with her name.
      await Promise.all(servers.map((server) => server.stop()));
      const stored = JSON.parse(
        await readFile(join(budiDir, 'forums', `${forumId}.json`), 'utf8'),
      ) as { data: { notes: { author: string; body: { id: string } }[] } };
      expect(stored.data.notes.map((n) => `${n.author}: ${n.body.id}`)).toContain(
        `${AYU}: ${AYU_ADDS}${NOTE}${BUDI_ADDS}`,
      );
      const check = spawnSync(process.execPath, [cli, 'check', '--workspace', budiDir], {
        encoding: 'utf8',
      });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await Promise.all(contexts.map((context) => context.close()));
      await Promise.all(servers.map((server) => server.stop()));
      await rm(ayuDir, { recursive: true, force: true });
      await rm(budiDir, { recursive: true, force: true });
    }
  });
}
