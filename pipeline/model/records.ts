/** Validated rows, one interface per ledger kind (spec §2). Dates are ISO strings. */
import type { IsoDate } from './dates.ts';
import type { DeadlineSpec, MilestoneSpec } from './deadline.ts';

export const ITEM_SOURCES = ['会议决策', '年度重点工作', '领导批示', '上级交办', '提案信访', '其他'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

export const ITEM_STATES = ['未启动', '办理中', '已办结', '无法办结'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const AUDIENCES = ['社会公开', '校内公开', '不公开'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Located {
  file: string;
  row: number;
}

export interface ItemRecord extends Located {
  id: string;
  /** 序号 as written, when the table has one. */
  seq: string | null;
  /** Full text of 事项 as written. */
  text: string;
  /** First sentence without numbering (（一）、1. …). */
  title: string;
  leadUnit: string | null;
  coUnits: string[];
  source: ItemSource;
  basis: string;
  assignedOn: IsoDate | null;
  responsible: string;
  deadlineText: string;
  deadlineSpec: DeadlineSpec | null;
  extensionText: string;
  extensionSpec: DeadlineSpec | null;
  extensionAppliedOn: IsoDate | null;
  extensionApprovedBy: string;
  state: ItemState;
  completedOn: IsoDate | null;
  progress: string;
  audience: Audience;
  /** The section heading above the row (spec §1), or null. */
  section?: string | null;
  /** 时序进度 as written (continuation rows' lines added). */
  schedule?: string;
  /** The milestones of 时序进度 (validate/milestones.ts), in the order written. */
  milestones?: MilestoneSpec[];
}

export interface ReminderRecord extends Located {
  itemId: string;
  date: IsoDate;
  method: string;
  by: string;
  signedBy: string;
  note: string;
}

export interface UnitRecord extends Located {
  name: string;
  aliases: string[];
  category: string;
  head: string;
  liaison: string;
  phone: string;
  leader: string;
}

export interface HolidayRecord extends Located {
  date: IsoDate;
  /** true = 休 (day off), false = 班 (working day). */
  off: boolean;
  name: string;
}

export const EXECUTION_STATES = ['比较好', '需要补充修订', '需要强化执行', '执行不好', '未执行'] as const;
export type ExecutionState = (typeof EXECUTION_STATES)[number];

export interface SelfCheckRecord extends Located {
  unit: string | null;
  reportedOn: IsoDate | null;
  seq: string;
  issuer: string;
  name: string;
  state: ExecutionState;
  reason: string;
  measure: string;
  deadlineText: string;
  deadlineSpec: DeadlineSpec | null;
}

export const COMPLETIONS = ['已完成', '近期完成', '限期完成'] as const;
export type Completion = (typeof COMPLETIONS)[number];

export interface RectificationRecord extends Located {
  unit: string | null;
  reportedOn: IsoDate | null;
  seq: string;
  issuer: string;
  name: string;
  measure: string;
  progress: string;
  completion: Completion;
  deadlineText: string;
  deadlineSpec: DeadlineSpec | null;
}

export const REGULATION_STATES = ['现行', '已修订', '已废止'] as const;
export type RegulationState = (typeof REGULATION_STATES)[number];

export interface RegulationRecord extends Located {
  name: string;
  docNo: string;
  issuer: string;
  issuedOn: IsoDate | null;
  year: number | null;
  state: RegulationState;
}

export const DISCLOSURE_CATEGORIES = ['党务', '校务', '财务'] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];

export interface DisclosureRecord extends Located {
  category: DisclosureCategory;
  title: string;
  audience: Audience;
  unit: string | null;
  form: string;
  dueOn: IsoDate | null;
  publishedOn: IsoDate | null;
  summary: string;
  /** Only http(s) links survive validation; anything else is kept as text in `linkText`. */
  link: string | null;
  linkText: string;
}

export interface SubmissionRequirementRecord extends Located {
  /** 自查表 · 整改表 · or any kind's name. */
  material: string;
  due: IsoDate;
  /** Empty = every unit of the directory. */
  units: string[];
  note: string;
}

/** Where a unit's form was seen: which kind, which unit, which date. */
export interface SubmissionEvidence {
  material: string;
  unit: string;
  sentOn: IsoDate | null;
  file: string;
}

/** A numbered document as the office registered it (§2.12): its number and items are permanent. */
export interface DocRegisterRecord extends Located {
  docNo: string;
  /** 〔year〕 and number read from the 文号, when it has the usual form. */
  prefix: string | null;
  year: number | null;
  number: number | null;
  title: string;
  issuedOn: IsoDate;
  recipient: string;
  itemIds: string[];
}

export const FEEDBACK_STATES = ['办理中', '申请办结', '申请延期'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

/** One row of a unit's returned 进展反馈表 (§2.10). */
export interface FeedbackRecord extends Located {
  itemId: string;
  on: IsoDate;
  /** 填报单位 (column, title line or file name), through the directory. */
  unit: string | null;
  progress: string;
  state: FeedbackState;
  /** 申请办结: the completion date asked for. */
  completedOn: IsoDate | null;
  /** 申请延期: the new deadline asked for, as written and parsed. */
  extensionText: string;
  extensionSpec: DeadlineSpec | null;
  reason: string;
  by: string;
  phone: string;
}

export type ReviewTopic = '办结' | '延期';

/** The office's decision on a request (§2.11); `result` null = still pending. */
export interface ReviewRecord extends Located {
  itemId: string;
  result: '通过' | '退回' | null;
  /** null = decided on T. */
  on: IsoDate | null;
  topic: ReviewTopic | null;
  by: string;
  opinion: string;
}

export interface Records {
  items: ItemRecord[];
  reminders: ReminderRecord[];
  units: UnitRecord[];
  holidays: HolidayRecord[];
  selfChecks: SelfCheckRecord[];
  rectifications: RectificationRecord[];
  regulations: RegulationRecord[];
  disclosures: DisclosureRecord[];
  submissionRequirements: SubmissionRequirementRecord[];
  submissionEvidence: SubmissionEvidence[];
  docRegister: DocRegisterRecord[];
  feedback: FeedbackRecord[];
  reviews: ReviewRecord[];
}
