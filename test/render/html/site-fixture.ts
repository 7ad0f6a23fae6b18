/** The site rendered from the hand-written fixture: two months (October, November) and the markers to hunt for. */
import { campaignBulletinCounts } from '../../../pipeline/aggregate/campaign-counts.ts';
import type { OutputFile } from '../../../pipeline/model/output.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../../pipeline/config/office-config.ts';
import { renderSite } from '../../../pipeline/render/html/site.ts';
import { loadSiteTemplates, type SiteTemplates } from '../../../pipeline/render/html/templates.ts';
import { fixtureSiteAnalysis, fixtureSiteOctober } from '../../support/analysis-fixture.ts';

let templates: SiteTemplates | null = null;

export function renderFixtureSite(): OutputFile[] {
  templates ??= loadSiteTemplates('templates');
  return renderSite({
    bulletins: [
      { period: { id: '2026-11', label: '2026年11月', start: '2026-11-01', end: '2026-11-30' }, analysis: fixtureSiteAnalysis() },
      { period: { id: '2026-10', label: '2026年10月', start: '2026-10-01', end: '2026-10-31' }, analysis: fixtureSiteOctober() },
    ],
    current: fixtureSiteAnalysis(),
    campaign: campaignBulletinCounts(fixtureSiteAnalysis()),
    config: { ...DEFAULT_OFFICE_CONFIG, siteTitle: '示范大学督查通报' },
    templates,
  });
}

/** Texts of 不公开 rows and internal-only fields: in no edition. */
export const NEVER_PUBLISHED = [
  'DB2026-004',
  '落实校园网络安全等级保护测评整改',
  '网络与信息中心',
  'DB2026-009',
  '整合校史馆与档案馆展陈资源',
  '档案馆',
  '干部考察谈话记录',
  '不公开内部材料',
  'javascript:',
  // internal fields of published rows: 落实情况, 责任人, 立项依据, file names, directory contacts
  '已完成初稿',
  '施工单位已进场',
  '内部备注',
  '内部：已逐一核对',
  'evil.example',
  '张明',
  '周敏',
  '刘洋',
  '教育厅办公室通知',
  '校长办公会纪要',
  '督办台账',
  '公开目录.csv',
  '0771-2687101',
  '陈副校长',
  // a disclosure not yet published shows neither summary nor link
  '尚未公开的预算摘要',
  'example.edu.cn/cw/2027',
  '各党总支发展党员计划',
  // unmasked personal numbers
  '110105199001011234',
  '13812345678',
  '6222021234567890123',
];

/** Texts of 校内公开 rows: in the campus edition, never in the public one. */
export const CAMPUS_ONLY = [
  'DB2026-002',
  '推进学生公寓维修改造工程',
  '后勤管理处',
  'DB2026-006',
  '增设教工子女托管班',
  'DB2026-008',
  '研究制定实验室安全准入制度',
  'DB2026-012',
  '做好2027届毕业生就业指导工作',
  '发展党员工作情况',
];

export function editionFiles(files: readonly OutputFile[], edition: 'public' | 'campus'): OutputFile[] {
  return files.filter((f) => f.path.startsWith(`${edition}/`));
}

export function textOf(f: OutputFile): string {
  return typeof f.bytes === 'string' ? f.bytes : Buffer.from(f.bytes).toString('latin1');
}

/** Every marker found anywhere in the files: contents (as UTF-8 bytes) and paths. */
export function leaks(files: readonly OutputFile[], markers: readonly string[]): string[] {
  const found: string[] = [];
  for (const f of files) {
    const bytes = Buffer.concat([Buffer.from(f.path), Buffer.from('\n'), typeof f.bytes === 'string' ? Buffer.from(f.bytes) : Buffer.from(f.bytes)]);
    for (const m of markers) if (bytes.includes(Buffer.from(m))) found.push(`${f.path}: ${m}`);
  }
  return found;
}
