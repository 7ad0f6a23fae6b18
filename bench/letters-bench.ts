/**
 * 催办通知 rendering speed: n letters as n separate PDFs and as one duplex batch, against
 * puppeteer printing equivalent HTML (same text, fonts, table, page numbers) in the same run; and
 * the band writer against pdfmake on the same 督办通知 (benchBandsVsPdfmake), so the direct
 * writer's reason to exist stays measured. Returns milliseconds; `npm run bench` prints them.
 */
import { pathToFileURL } from 'node:url';
import type { Analysis, AnalyzedItem } from '../pipeline/model/analysis.ts';
import { DEFAULT_OFFICE_CONFIG, type OfficeConfig } from '../pipeline/config/office-config.ts';
import { chineseDate } from '../pipeline/model/dates.ts';
import { loadPdfAssets } from '../pipeline/render/pdf/assets.ts';
import { docContext } from '../pipeline/render/pdf/letters/context.ts';
import { planReminders, reminderBatchPdf, reminderPdf, type ReminderPlan } from '../pipeline/render/pdf/letters/reminder-letter.ts';
import { assignmentPdf, type AssignmentPlan } from '../pipeline/render/pdf/letters/assignment-notice.ts';
import { pdfmakeNotice } from './pdfmake-notice.ts';
import { renderPdf } from '../pipeline/render/pdf/report/printer.ts';
import type { PdfAssets } from '../pipeline/render/pdf/assets.ts';
import { defaultFontFiles } from '../pipeline/render/pdf/fonts.ts';
import { launchBrowser } from '../pipeline/render/html/browser.ts';

/** Puppeteer needs ~0.1 s per separate letter: time a sample of this many and report per letter. */
const PUPPETEER_SEPARATE_SAMPLE = 100;
const UNITS = [
  '教务处',
  '科技处',
  '人事处',
  '财务处',
  '后勤管理处',
  '国有资产管理处',
  '学生工作处',
  '研究生院',
  '发展规划处',
  '网络与信息中心',
  '图书馆',
  '机械与交通学院',
  '电气与信息工程学院',
  '土木建筑工程学院',
  '外国语学院',
  '马克思主义学院',
];

export async function benchLetters(n: number): Promise<Record<string, number>> {
  const result: Record<string, number> = { letters: n };
  const config: OfficeConfig = { ...DEFAULT_OFFICE_CONFIG, contactPerson: '李文静', contactPhone: '0771-2687015', reminderSender: '王建平' };
  const analysis = syntheticAnalysis(n);

  let t = performance.now();
  const assets = loadPdfAssets('templates');
  result['fonts.loadMs'] = performance.now() - t;
  const ctx = docContext(analysis, config, assets.kit, assets.say);
  const plans = planReminders(analysis);

  t = performance.now();
  const first = plans[0];
  if (first) reminderPdf(ctx, assets.pageFonts, first);
  result['duban.firstLetterMs'] = performance.now() - t;

  t = performance.now();
  let bytes = 0;
  for (const plan of plans) bytes += reminderPdf(ctx, assets.pageFonts, plan).length;
  result['duban.separate.totalMs'] = performance.now() - t;
  result['duban.separate.msPerLetter'] = result['duban.separate.totalMs'] / n;
  result['duban.separate.kbPerLetter'] = bytes / 1024 / n;

  t = performance.now();
  const batch = reminderBatchPdf(ctx, assets.pageFonts, plans);
  result['duban.batch.totalMs'] = performance.now() - t;
  result['duban.batch.msPerLetter'] = result['duban.batch.totalMs'] / n;
  result['duban.batch.kb'] = batch.length / 1024;

  Object.assign(result, await benchBandsVsPdfmake(Math.min(NOTICES, n), assets, config));
  Object.assign(result, await benchPuppeteer(plans, config, analysis.asOf, n));
  const sep = result['puppeteer.separate.msPerLetter'];
  const bat = result['puppeteer.batch.totalMs'];
  if (sep !== undefined) result['speedup.separate'] = sep / result['duban.separate.msPerLetter'];
  if (bat !== undefined) result['speedup.batch'] = bat / result['duban.batch.totalMs'];
  return result;
}

/** Notices drawn each way by benchBandsVsPdfmake (pdfmake takes ~10–20 ms a notice). */
const NOTICES = 200;

/**
 * The same 督办通知 — 版头, 发文字号, rules, a list of 3 items, 署名, 版记 on page 2 — `n` times from
 * the same plans, drawn by the band writer (assignmentPdf: sheet/ + writer/) and laid out by pdfmake
 * (pdfmakeNotice, the layout it replaced), after one warm-up each. Keys:
 * notice.letters, notice.bands.msPerLetter, notice.pdfmake.msPerLetter, notice.speedup,
 * notice.bands.kbPerLetter, notice.pdfmake.kbPerLetter.
 */
export async function benchBandsVsPdfmake(n: number, assets: PdfAssets = loadPdfAssets('templates'), config: OfficeConfig = DEFAULT_OFFICE_CONFIG): Promise<Record<string, number>> {
  const analysis = syntheticAnalysis(n * 3);
  const ctx = docContext(analysis, config, assets.kit, assets.say);
  const plans: AssignmentPlan[] = Array.from({ length: n }, (_, i) => {
    const items = analysis.items.slice(i * 3, i * 3 + 3).map((item, k) => ({ ...item, status: 'on_track' as const, coUnits: k === 0 ? ['财务处'] : [] }));
    return { unit: items[0]?.leadUnit ?? '教务处', items, docNo: `校督办〔2026〕${i + 1}号`, issuedOn: analysis.asOf, registered: false };
  });
  const engine = { ...assets.engine, memo: undefined };
  const first = plans[0];
  if (first) {
    assignmentPdf(ctx, assets.pageFonts, first);
    await renderPdf(engine, pdfmakeNotice(ctx, first));
  }
  let bandBytes = 0;
  let t = performance.now();
  for (const plan of plans) bandBytes += assignmentPdf(ctx, assets.pageFonts, plan).length;
  const bands = (performance.now() - t) / n;
  let pdfmakeBytes = 0;
  t = performance.now();
  for (const plan of plans) pdfmakeBytes += (await renderPdf(engine, pdfmakeNotice(ctx, plan))).length;
  const pdfmake = (performance.now() - t) / n;
  return {
    'notice.letters': n,
    'notice.bands.msPerLetter': bands,
    'notice.pdfmake.msPerLetter': pdfmake,
    'notice.speedup': pdfmake / bands,
    'notice.bands.kbPerLetter': bandBytes / 1024 / n,
    'notice.pdfmake.kbPerLetter': pdfmakeBytes / 1024 / n,
  };
}

async function benchPuppeteer(plans: ReminderPlan[], config: OfficeConfig, asOf: string, n: number): Promise<Record<string, number>> {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  try {
    browser = await launchBrowser();
  } catch {
    return {}; // no browser on this machine: pdfmake numbers only
  }
  try {
    const page = await browser.newPage();
    const pdfOptions = {
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:14pt;width:100%;text-align:right;margin-right:30mm">— <span class="pageNumber"></span> —</div>',
    };
    const sample = plans.slice(0, Math.min(PUPPETEER_SEPARATE_SAMPLE, plans.length));
    await page.setContent(html([letterHtml(plans[0]!, config, asOf)]), { waitUntil: 'load' });
    await page.pdf(pdfOptions); // warm-up, like the pdfmake first letter
    let t = performance.now();
    for (const plan of sample) {
      await page.setContent(html([letterHtml(plan, config, asOf)]), { waitUntil: 'load' });
      await page.pdf(pdfOptions);
    }
    const separate = (performance.now() - t) / sample.length;
    t = performance.now();
    await page.setContent(html(plans.map((plan) => letterHtml(plan, config, asOf))), { waitUntil: 'load' });
    await page.pdf(pdfOptions);
    const batch = performance.now() - t;
    return {
      'puppeteer.separate.msPerLetter': separate,
      'puppeteer.separate.sampled': sample.length,
      'puppeteer.batch.totalMs': batch,
      'puppeteer.batch.msPerLetter': batch / n,
    };
  } finally {
    await browser.close();
  }
}

function html(letters: string[]): string {
  const fonts = defaultFontFiles();
  const face = (weight: number, file: string) => `@font-face{font-family:N;font-weight:${weight};src:url(${pathToFileURL(file).href})}`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${face(400, fonts.body)}${face(700, fonts.title)}
@page{size:A4;margin:37mm 26mm 35mm 28mm}body{margin:0;font-family:N;font-size:16pt;line-height:28.9pt}
section{break-after:page}h1{font-size:22pt;font-weight:700;text-align:center;margin:0;line-height:36pt}.n{text-align:center}
.mark{float:right;border:1.5pt solid #E60012;color:#E60012;padding:0 4pt}
table{width:100%;border-collapse:collapse;font-size:14pt;line-height:21pt;margin:14pt 0}td{border:.75pt solid #000;padding:4pt 5pt}
p{margin:0;text-indent:2em}.s{text-align:right;margin:28.9pt 2em 0 0}.c{font-size:14pt;line-height:22pt;margin-top:14pt}</style></head>
<body>${letters.join('')}</body></html>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function letterHtml(plan: ReminderPlan, config: OfficeConfig, asOf: string): string {
  const { item } = plan;
  return `<section>${plan.escalated ? '<div class="mark">重点督办</div>' : ''}<h1>${esc(config.organization)}督查督办事项催办通知</h1>
<div class="n">（第${plan.n}次催办）</div><table><tr><td>被催办单位</td><td>${esc(plan.unit)}</td><td>责任人</td><td>${esc(plan.responsible)}</td></tr>
<tr><td>催办人</td><td>${esc(config.reminderSender)}</td><td>签收人</td><td style="height:42pt"></td></tr>
<tr><td>催办事项</td><td colspan="3">${esc(item.title)}（编号：${esc(item.id)}）</td></tr></table>
<div>${esc(plan.unit)}：</div><p>${chineseDate(item.assignedOn ?? asOf)}转你单位的以上表格中的督办事项，要求你单位于${chineseDate(item.effectiveDeadline ?? asOf)}前完成并上报办理情况。现已超过办结时限，特此催办。请接此催办通知后迅速督促落实。</p>
${plan.escalated ? `<p>该事项已累计催办${plan.n}次，列为重点督办事项。根据《督查督办工作办法》第八条，经督查督办工作办公室督办3次以上的，应当从重或者加重问责。请你单位主要负责人亲自督促落实。</p>` : ''}
<div class="s">${esc(config.officeName)}<br>${chineseDate(asOf)}</div><div class="c">督查督办工作办公室联系人：${esc(config.contactPerson)}<br>电话：${esc(config.contactPhone)}</div></section>`;
}

/** n overdue items spread over the units, some escalated, titles of varying length. */
export function syntheticAnalysis(n: number, asOf = '2026-11-25'): Analysis {
  const tasks = [
    '完成本科教学质量年度报告编制并报送教育厅',
    '推进学生公寓维修改造工程',
    '落实校园网络安全等级保护测评整改',
    '修订教职工考勤管理办法并组织宣讲，确保全体教职工知晓',
    '清理超期借用公房',
  ];
  const items: AnalyzedItem[] = [];
  for (let i = 0; i < n; i++) {
    const reminders = i % 4;
    items.push({
      id: `DB2026-${String(i + 1).padStart(4, '0')}`,
      title: `${tasks[i % tasks.length]}（第${i + 1}项）`,
      source: '会议决策',
      leadUnit: UNITS[i % UNITS.length] ?? null,
      coUnits: [],
      assignedOn: '2026-09-08',
      deadlineText: '10月30日前',
      deadline: '2026-10-30',
      ongoing: false,
      extendedTo: null,
      effectiveDeadline: '2026-10-30',
      completedOn: null,
      status: 'overdue',
      light: 'red',
      overdueWorkdays: 17,
      overdueDays: 26,
      workdaysLeft: null,
      reminders,
      escalate: reminders >= 3,
      audience: '不公开',
      file: 'bench.csv',
      row: i + 2,
      warnings: [],
      text: '',
      seq: null,
      basis: '',
      responsible: '张明',
      state: '办理中',
      progress: '',
      deadlineStart: null,
      extensionText: '',
      extensionAppliedOn: null,
      extensionApprovedBy: '',
      reminderDates: [],
      lastReminderOn: null,
      lateWorkdays: null,
      docNo: null,
      feedback: null,
      feedbackDue: null,
      feedbackStatus: null,
      request: null,
    });
  }
  return { asOf, items, notices: [], units: [], selfChecks: [], rectifications: [], regulations: [], submissions: [], disclosures: [], issues: [] };
}
