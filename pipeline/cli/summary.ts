/**
 * The short Chinese summary after a build or check. Colour only on a TTY and without NO_COLOR.
 * Every piece of ledger text (values, messages, file names, units, titles) goes through
 * terminalText, so a cell cannot send escape sequences or bidi overrides to the terminal.
 */
import { terminalText } from '../model/control-chars.ts';
import { NO_LEAD_UNIT, STATUS_WORDS, type Analysis, type Status } from '../model/analysis.ts';
import type { Issue } from '../model/issue.ts';

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function styleFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Style {
  const on = Boolean(stream.isTTY) && !('NO_COLOR' in env) && env.TERM !== 'dumb';
  const wrap = (code: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: wrap(31), yellow: wrap(33), green: wrap(32), dim: wrap(2), bold: wrap(1) };
}

const STATUS_ORDER: Status[] = ['overdue', 'due_soon', 'on_track', 'ongoing', 'done_on_time', 'done_late', 'no_deadline', 'closed_unfinished'];

export function describeIssue(i: Issue): string {
  const where = [i.file, i.row !== null ? `第 ${i.row} 行` : null, i.column ? `「${i.column}」列` : null].filter(Boolean).join(' ');
  const value = i.value ? `（值：「${truncate(i.value, 40)}」）` : '';
  const hint = i.hint ? ` → ${i.hint}` : '';
  return terminalText(`${where}：${i.message}${value}${hint} [${i.code}]`);
}

export function summaryLines(a: Analysis, style: Style, opts: { maxWarnings: number }): string[] {
  const lines: string[] = [];
  const counts = new Map<Status, number>();
  for (const i of a.items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const parts = STATUS_ORDER.filter((s) => counts.get(s)).map((s) => {
    const text = `${STATUS_WORDS[s]} ${counts.get(s)}`;
    return s === 'overdue' ? style.red(text) : s === 'due_soon' ? style.yellow(text) : text;
  });
  lines.push(`${style.bold(`督办事项 ${a.items.length} 项`)}（统计日期 ${a.asOf}）：${parts.join(' · ') || '无'}`);

  const worst = a.items
    .filter((i) => i.status === 'overdue')
    .sort((x, y) => (y.overdueWorkdays ?? 0) - (x.overdueWorkdays ?? 0) || (x.id < y.id ? -1 : 1))
    .slice(0, 5);
  if (worst.length > 0) {
    lines.push('逾期最久：');
    for (const i of worst) {
      const esc = i.escalate ? style.red('，督办3次以上，从重问责') : '';
      lines.push(`  ${terminalText(`${i.id}  ${i.leadUnit ?? NO_LEAD_UNIT}  ${truncate(i.title, 24)}`)}  逾期 ${i.overdueWorkdays} 个工作日（催办 ${i.reminders} 次${esc}）`);
    }
  }
  const campaign = [
    a.selfChecks.length ? `自查 ${a.selfChecks.length} 条` : '',
    a.rectifications.length ? `整改 ${a.rectifications.length} 条` : '',
    a.regulations.length ? `制度 ${a.regulations.length} 项（待清理 ${a.regulations.filter((r) => r.reviewDue).length}）` : '',
    a.submissions.length ? `报送 ${a.submissions.length} 项（未报 ${a.submissions.filter((s) => s.status === 'missing').length}）` : '',
    a.disclosures.length ? `公开事项 ${a.disclosures.length} 项` : '',
  ].filter(Boolean);
  if (campaign.length) lines.push(campaign.join(' · '));
  lines.push(...skippedFileLines(a.issues, style));
  lines.push(...issueLines(a.issues, style, opts.maxWarnings));
  return lines;
}

/**
 * Files in the data folder that were not read, always named with what to do (spec §1): an .xls
 * or a .docx left there by mistake must not look like a ledger that was read and had no problems.
 */
export function skippedFileLines(issues: readonly Issue[], style: Style): string[] {
  // A README beside the ledgers describes the folder; naming it on every build would be noise.
  const skipped = issues.filter((i) => i.code === 'I_SKIPPED_FILE' && !/^readme(\.[a-z]+)?$/i.test(i.file.split('/').at(-1) ?? ''));
  if (skipped.length === 0) return [];
  const lines = [style.yellow(`未读取的文件 ${skipped.length} 个：`)];
  for (const i of skipped.slice(0, 20)) lines.push(`  ${terminalText(i.file)}：${terminalText(i.hint ?? '')}`);
  if (skipped.length > 20) lines.push(`  ……共 ${skipped.length} 个，运行 duban check --json 查看全部。`);
  return lines;
}

export function issueLines(issues: readonly Issue[], style: Style, maxWarnings: number): string[] {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const lines: string[] = [];
  if (errors.length === 0 && warnings.length === 0) {
    lines.push(style.green('台账检查通过：没有错误或警告。'));
    return lines;
  }
  const perFile = new Map<string, { e: number; w: number }>();
  for (const i of [...errors, ...warnings]) {
    const c = perFile.get(i.file) ?? { e: 0, w: 0 };
    if (i.severity === 'error') c.e += 1;
    else c.w += 1;
    perFile.set(i.file, c);
  }
  lines.push(`问题：${style.red(`错误 ${errors.length} 个`)}，${style.yellow(`警告 ${warnings.length} 个`)}`);
  for (const [file, c] of [...perFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  ${terminalText(file)}：${c.e ? style.red(`错误 ${c.e}`) : '错误 0'}，警告 ${c.w}`);
  }
  for (const i of errors) lines.push(`${style.red('错误')} ${describeIssue(i)}`);
  for (const i of warnings.slice(0, maxWarnings)) lines.push(`${style.yellow('警告')} ${describeIssue(i)}`);
  if (warnings.length > maxWarnings) lines.push(style.dim(`…… 另有 ${warnings.length - maxWarnings} 个警告，运行 duban check 查看全部。`));
  return lines;
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}
