/**
 * Finds an installed Chrome, Chromium or Edge for puppeteer. No browser can be downloaded on
 * the machines duban runs on, so we look where browsers are installed and say clearly when none is.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'puppeteer';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH || env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const NO_BROWSER_MESSAGE =
  '未找到可用的浏览器（Chrome / Chromium / Edge）。请安装 Chromium（Debian/Ubuntu：apt-get install -y chromium），' + '或设置环境变量 PUPPETEER_EXECUTABLE_PATH 指向浏览器程序。';

/** One browser for many pages; flags keep Chromium off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  const puppeteer = (await import('puppeteer')).default;
  return puppeteer.launch({
    executablePath,
    headless: true,
    // The run's own handlers (cli/interrupt.ts) close the browser on Ctrl+C; puppeteer's would
    // call process.exit in the middle of writing files.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
    ],
  });
}
