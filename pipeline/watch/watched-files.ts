/** Which saved files are ledgers: what Excel and WPS leave behind while saving is not. */
import path from 'node:path';

export function isLedgerPath(p: string): boolean {
  const base = path.basename(p);
  if (base.startsWith('.') || base.startsWith('~$') || base.startsWith('~')) return false;
  if (/\.(tmp|bak|swp)$/i.test(base) || base.endsWith('~') || base.endsWith('#')) return false;
  if (p.split(/[\\/]/).some((seg) => seg.startsWith('.') && seg !== '.' && seg !== '..')) return false;
  return /\.(csv|xlsx)$/i.test(base);
}
