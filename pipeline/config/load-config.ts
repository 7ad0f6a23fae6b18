/** Reads templates/office.json. A broken settings file is a configuration error (exit 2), said in Chinese. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { officeConfigSchema, type OfficeConfig } from './office-config.ts';

// Whoever edits templates/office.json reads Chinese: zod's own messages too.
z.config(z.locales.zhCN());

export const PACKAGE_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export type ConfigResult = { ok: true; config: OfficeConfig } | { ok: false; message: string };

export async function loadOfficeConfig(templatesDir: string): Promise<ConfigResult> {
  const file = path.join(templatesDir, 'office.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // No settings file: the defaults build a working, if generic, set of documents.
    return { ok: true, config: officeConfigSchema.parse({}) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: `设置文件 ${file} 不是有效的 JSON：${(e as Error).message}。请检查逗号、引号是否为英文半角。` };
  }
  const parsed = officeConfigSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  「${i.path.join('.')}」：${i.message}`);
    return { ok: false, message: `设置文件 ${file} 有误：\n${lines.join('\n')}` };
  }
  return { ok: true, config: parsed.data };
}
