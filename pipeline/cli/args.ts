/**
 * Command-line arguments → a command, or a usage error (exit 2). No dependency: the grammar is tiny.
 * A usage error is one Chinese line that says what is wrong and points to `duban --help`.
 */
import { todayInShanghai, type IsoDate } from '../model/dates.ts';
import { ymdProblem } from '../validate/date-parse.ts';

export type Command = 'build' | 'check' | 'watch' | 'report' | 'archive' | 'help';

export interface CliOptions {
  command: Command;
  dataDir: string;
  outDir: string;
  templatesDir: string | null;
  asOf: IsoDate;
  /** --as-of was given (watch then keeps that date instead of following the clock). */
  asOfGiven: boolean;
  json: boolean;
  period: string | null;
  /** archive: the year whose closed items are filed. */
  year: number | null;
  quiet: boolean;
  /** Skip the long images (no browser needed, faster). */
  noImages: boolean;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

const COMMANDS: readonly Command[] = ['build', 'check', 'watch', 'report', 'archive', 'help'];

const MORE = '运行 duban --help 查看用法。';

export function parseArgs(argv: readonly string[], now: Date = new Date()): ParsedArgs {
  const r = parse(argv, now);
  return r.ok || r.message.endsWith(MORE) ? r : { ok: false, message: `${r.message}${MORE}` };
}

function parse(argv: readonly string[], now: Date): ParsedArgs {
  const o: CliOptions = {
    command: 'build',
    dataDir: 'data',
    outDir: 'out',
    templatesDir: null,
    asOf: todayInShanghai(now),
    asOfGiven: false,
    json: false,
    period: null,
    year: null,
    quiet: false,
    noImages: false,
  };
  const rest = [...argv];
  if (rest[0] && !rest[0].startsWith('-')) {
    const c = rest.shift()!;
    if (!(COMMANDS as readonly string[]).includes(c)) return { ok: false, message: `未知命令「${c}」。可用命令：build、check、watch、report、archive。` };
    o.command = c as Command;
  }
  while (rest.length > 0) {
    const raw = rest.shift()!;
    const [flag, inline] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = (): string | null => inline ?? (rest[0] !== undefined && !rest[0].startsWith('--') ? rest.shift()! : null);
    switch (flag) {
      case '-h':
      case '--help':
        o.command = 'help';
        break;
      case '--json':
        o.json = true;
        break;
      case '-q':
      case '--quiet':
        o.quiet = true;
        break;
      case '--no-images':
        o.noImages = true;
        break;
      case '--data':
      case '--out':
      case '--templates':
      case '--as-of':
      case '--period':
      case '--year': {
        const v = value();
        if (v === null || v === '') return { ok: false, message: `选项 ${flag} 需要一个值。` };
        if (flag === '--data') o.dataDir = v;
        else if (flag === '--out') o.outDir = v;
        else if (flag === '--templates') o.templatesDir = v;
        else if (flag === '--period') o.period = v;
        else if (flag === '--year') {
          if (!/^\d{4}$/.test(v) || Number(v) < 1900 || Number(v) > 2199) return { ok: false, message: `--year 需要四位年份，例如 --year 2026，收到「${v}」。` };
          o.year = Number(v);
        } else {
          const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
          if (!m) return { ok: false, message: `--as-of 的日期「${v}」无效，请写成 YYYY-MM-DD，例如 2026-11-25。` };
          const problem = ymdProblem(Number(m[1]), Number(m[2]), Number(m[3]));
          if (problem) return { ok: false, message: `--as-of 的日期「${v}」不存在：${problem.message}。` };
          o.asOf = v;
          o.asOfGiven = true;
        }
        break;
      }
      default:
        return { ok: false, message: `未知选项「${raw}」。${MORE}` };
    }
  }
  if (o.command === 'archive' && o.year === null) return { ok: false, message: 'archive 需要指定年度，例如 duban archive --year 2026。' };
  return { ok: true, options: o };
}

export const HELP = `duban 督办 —— 督办台账 → 工作日时限 → 公文、月报、通报

用法：
  duban build   [选项]   读取台账，生成 analysis.json、催办通知等公文 PDF、月报和公开通报网站
  duban check   [选项]   只检查台账，列出全部问题，不写任何文件
  duban report  --period 2026-11|2026Q4|2026H2|2026 [选项]   生成指定时期的督查督办报告
  duban watch   [选项]   监视数据目录，文件保存后自动重新生成
  duban archive --year 2026 [选项]   立卷归档：该年度每个办结事项一卷（督办通知、催办通知、反馈与审核记录、登记表、卷内目录），写入 out/archive/2026/

选项：
  --data DIR        台账所在目录（默认 data/）
  --out DIR         输出目录（默认 out/）
  --as-of YYYY-MM-DD  统计日期（默认今天，北京时间）
  --templates DIR   模板和办公室设置目录（默认项目的 templates/）
  --json            以 JSON 输出结果（供脚本使用）
  --no-images       不生成通报长图（不需要浏览器，速度更快）
  -q, --quiet       只输出问题
  -h, --help        显示本帮助

退出码：0 无错误；1 台账有错误（有效的行仍会生成）；2 用法或配置错误。
`;
