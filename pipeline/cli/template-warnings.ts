/** The office's template problems in the terminal summary of `build` and `check` (each line names its file). */
import type { Style } from './summary.ts';
import { terminalText } from '../model/control-chars.ts';

export function templateWarningLines(warnings: readonly string[], style: Style): string[] {
  if (warnings.length === 0) return [];
  return [style.yellow(`模板问题 ${warnings.length} 个：`), ...warnings.map((w) => `  ${style.yellow('模板')} ${terminalText(w)}`)];
}
