// Redraws the two pictures of the README from the sample ledgers in data/ (`npm run docs:images`):
//
//   docs/催办通知示例.png  page 1 of the 催办通知 of the overdue item with the most reminders,
//                          rendered from its PDF by pdftoppm (poppler-utils) at 80 dpi;
//   docs/公开版首页.png    out/public/index.html, 1280 px wide, the whole page, screenshot by
//                          headless Chromium (the browser duban itself uses for the long images).
//
// The outputs are made as `npm start` makes them (bin/duban.js build), into a temporary folder,
// with the as-of date fixed to the day the sample ledgers are written for (data/README.md), so
// the pictures show the same state whenever they are redrawn. Needs pdftoppm and a Chromium
// (Debian/Ubuntu: apt-get install -y poppler-utils chromium fonts-noto-cjk).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AS_OF = process.argv[2] ?? '2026-11-25';
const LETTER_PNG = path.join(ROOT, 'docs', '催办通知示例.png');
const SITE_PNG = path.join(ROOT, 'docs', '公开版首页.png');

function fail(message) {
  console.error(message);
  process.exit(1);
}

const out = mkdtempSync(path.join(os.tmpdir(), 'duban-docs-'));
try {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'duban.js'), 'build', '--data', path.join(ROOT, 'data'), '--out', out, '--as-of', AS_OF, '--no-images', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) fail(`示例台账生成失败（退出码 ${build.status}），请先运行 npx duban check 查看问题。`);

  // The letter: the overdue item reminded most often (ties: the first id), as the README shows one escalated letter.
  const analysis = JSON.parse(readFileSync(path.join(out, 'internal', 'analysis.json'), 'utf8'));
  const letters = readdirSync(path.join(out, 'internal', '催办通知')).filter((f) => f.endsWith('.pdf'));
  const overdue = analysis.items.filter((i) => i.status === 'overdue').sort((a, b) => b.reminders - a.reminders || (a.id < b.id ? -1 : 1));
  const item = overdue.find((i) => letters.some((f) => f.endsWith(`-${i.id}.pdf`)));
  if (!item) fail('示例台账中没有逾期事项的催办通知。');
  const letter = path.join(
    out,
    'internal',
    '催办通知',
    letters.find((f) => f.endsWith(`-${item.id}.pdf`)),
  );
  const ppm = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', letter, LETTER_PNG.replace(/\.png$/, '')], { stdio: 'inherit' });
  if (ppm.error || ppm.status !== 0) fail('需要 pdftoppm（Debian/Ubuntu：apt-get install -y poppler-utils）。');

  // The public site's index page, in the browser duban finds for the long images.
  const { register } = await import('tsx/esm/api');
  register();
  const { launchBrowser } = await import('../pipeline/render/html/browser.ts');
  const browser = await launchBrowser().catch((e) => fail(e.message));
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(path.join(out, 'public', 'index.html')).href, { waitUntil: 'load' });
    await page.screenshot({ path: SITE_PNG, fullPage: true });
  } finally {
    await browser.close();
  }

  const kb = (f) => `${Math.round(statSync(f).size / 1024)} KB`;
  console.log(`统计日期 ${AS_OF}：`);
  console.log(`  ${path.relative(ROOT, LETTER_PNG)}（${kb(LETTER_PNG)}）← ${path.basename(letter)}`);
  console.log(`  ${path.relative(ROOT, SITE_PNG)}（${kb(SITE_PNG)}）← out/public/index.html`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
