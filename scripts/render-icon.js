// Renders build/icon.svg to the PNG sizes electron-builder wants (it derives .ico and .icns
// from the 1024 px one), with Debian's Chromium: `node scripts/render-icon.js`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot } from './ensure-built.js';

const svg = readFileSync(join(projectRoot, 'build', 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
for (const size of [1024, 512, 256]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  const name = size === 1024 ? 'icon.png' : `icon-${size}.png`;
  await page.screenshot({ path: join(projectRoot, 'build', name), omitBackground: true });
  await page.close();
}
await browser.close();
