/**
 * The settings an office edits without code: templates/office.json.
 * Every field has a default, so a missing or partial file still builds.
 */
import { z } from 'zod';
import { isKnownColumnName } from '../ingest/ledger-kinds.ts';

export const officeConfigSchema = z.object({
  /** 学校（机关）全称, used in titles: 「XX大学督查督办事项催办通知」. */
  organization: z.string().default('示范大学'),
  /** 发文机关 — the office that signs notices. */
  officeName: z.string().default('示范大学督查督办工作办公室'),
  /** 发文机关标志 printed in red at the top of notices. */
  issuerMark: z.string().default('示范大学督查督办工作办公室'),
  /** 发文字号 prefix: 〔年份〕 and the number follow: 校督办〔2026〕12号. */
  docNoPrefix: z.string().default('校督办'),
  /** The next free number for this run's 发文字号; numbers are handed out in a stable order. */
  nextDocNo: z.number().int().positive().default(1),
  /**
   * 版记 of the 督办通知 (GB/T 9704 §7.4): 抄送 names besides the notice's 配合单位 (分管校领导…), and the
   * 印发机关 (the office itself when empty).
   */
  copyTo: z.array(z.string()).default([]),
  printedBy: z.string().default(''),
  /** 督查督办工作办公室联系人 / 电话 printed under reminders. */
  contactPerson: z.string().default(''),
  contactPhone: z.string().default(''),
  /** 催办人 on the 催办通知 form. */
  reminderSender: z.string().default(''),
  /** due_soon when working days left ≤ this (spec §4: 3, configurable). */
  dueSoonWorkdays: z.number().int().min(0).max(30).default(3),
  /** 进展反馈 is due each month by this day (a day off moves it to the working day before; spec §2.10). */
  feedbackDay: z.number().int().min(1).max(31).default(25),
  /** 回访复查 sample: share of completed items, at least recheckMin. */
  recheckRate: z.number().min(0).max(1).default(0.1),
  recheckMin: z.number().int().min(0).default(3),
  /** Mixed into the 回访复查 draw so units cannot compute the sample from the period id alone. */
  recheckSalt: z.string().default(''),
  /**
   * 办理情况表 note 「…月…日前通过 OA 流程上交」: calendar days after 统计截止时间 units have to
   * send their 落实情况; null leaves the clause out rather than invent a date.
   */
  reportSubmitDays: z.number().int().min(0).max(60).nullable().default(null),
  /** Title of the bulletin site. */
  siteTitle: z.string().default('督查通报'),
  /** Fixed timestamp for document metadata so output is byte-identical; null = the as-of date at 00:00 CST. */
  fixedTimestamp: z.string().nullable().default(null),
  /**
   * The office's own column names (spec §1): header text as written → a column name of the ledger
   * format (canonical or alias: `{ "民生实事": "事项", "牵头领导": "责任人" }`); "" ignores the column.
   * Wins over the built-in aliases.
   */
  columns: z
    .record(z.string(), z.string())
    .default({})
    .superRefine((cols, ctx) => {
      for (const [header, target] of Object.entries(cols)) {
        if (target.trim() !== '' && !isKnownColumnName(target)) {
          ctx.addIssue({
            code: 'custom',
            path: [header],
            message: `「${target}」不是台账的列名；请写 docs/台账格式说明.md 第五部分中的列名（如 事项、承办单位、办结时限、责任人），或写 "" 表示不读这一列`,
          });
        }
      }
    }),
});

export type OfficeConfig = z.infer<typeof officeConfigSchema>;

export const DEFAULT_OFFICE_CONFIG: OfficeConfig = officeConfigSchema.parse({});
