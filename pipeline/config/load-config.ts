/** Reads templates/office.json. A broken settings file is a configuration error (exit 2), said in Chinese. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OfficeConfig } from './office-config.ts';
import { readOfficeConfig } from './sound-config.ts';
import { jsonProblem } from './json-problem.ts';

export const PACKAGE_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export type ConfigResult = { ok: true; config: OfficeConfig } | { ok: false; message: string };

export async function loadOfficeConfig(templatesDir: string): Promise<ConfigResult> {
  const folder = await stat(templatesDir).then(
    (s) => (s.isDirectory() ? 'dir' : 'file'),
    () => 'none',
  );
  if (folder !== 'dir') {
    const what = folder === 'file' ? '是一个文件，不是文件夹' : '不存在';
    return { ok: false, message: `模板目录「${templatesDir}」${what}。请用 --templates 指定存放 office.json、pdf/、html/ 等模板的文件夹（不写则用 duban 自带的 templates/）。` };
  }
  const file = path.join(templatesDir, 'office.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // No settings file: the defaults build a working, if generic, set of documents.
    return { ok: true, config: readOfficeConfig({})! };
  }
  let json: unknown;
  text = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `设置文件 ${file} 不是有效的 JSON：${jsonProblem(text, e)}。` };
  }
  const sound = readOfficeConfig(json);
  if (sound) return { ok: true, config: sound };
  // Something the quick reading is not sure of: the schema decides, and says what is wrong —
  // in Chinese, zod's own messages too, for whoever edits templates/office.json.
  const [{ z }, { officeConfigSchema }] = await Promise.all([import('zod'), import('./office-config.ts')]);
  z.config(z.locales.zhCN());
  const parsed = officeConfigSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  「${i.path.join('.')}」：${i.message}`);
    return { ok: false, message: `设置文件 ${file} 有误：\n${lines.join('\n')}` };
  }
  return { ok: true, config: parsed.data };
}
