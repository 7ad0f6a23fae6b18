/** A file in the data folder that duban does not read is named in the terminal, with what to do. */
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

describe('files not read', () => {
  it('are listed by check and build with the fix, not only in --json', async () => {
    const data = await mkdtemp(path.join(os.tmpdir(), 'duban-skip-'));
    await cp(path.join(import.meta.dirname, '../fixtures/e2e/basic'), data, { recursive: true });
    await writeFile(path.join(data, '会议纪要.docx'), 'PK');
    await writeFile(path.join(data, '督办台账（WPS）.et'), 'x');
    for (const command of ['check', 'build']) {
      const out = await mkdtemp(path.join(os.tmpdir(), 'duban-skip-out-'));
      const r = await runCli([command, '--data', data, '--out', out, '--as-of', '2026-11-25', '--no-images']);
      expect(r.out).toContain('未读取的文件 3 个'); // with the fixture's expected.json; its README.md is not named
      expect(r.out).not.toMatch(/README\.md：/);
      expect(r.out).toMatch(/会议纪要\.docx：.*CSV 或 \.xlsx/);
      expect(r.out).toMatch(/督办台账（WPS）\.et：.*另存为/);
    }
  });
});
