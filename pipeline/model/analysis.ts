/**
 * The shape of out/internal/analysis.json (spec §5). Field names, status words and
 * issue codes are the public contract; fields marked "extension" are additions the spec allows.
 */
import type { IsoDate } from './dates.ts';
import type { Issue } from './issue.ts';
import type { Audience, Completion, DisclosureCategory, ExecutionState, ItemSource, ItemState, RegulationState, FeedbackState, ReviewTopic } from './records.ts';

export type Status = 'done_on_time' | 'done_late' | 'overdue' | 'due_soon' | 'on_track' | 'ongoing' | 'no_deadline' | 'closed_unfinished';

export type Light = 'red' | 'yellow' | 'green' | 'blue' | 'gray';

export const STATUS_WORDS: Record<Status, string> = {
  done_on_time: '按期办结',
  done_late: '逾期办结',
  overdue: '逾期未办结',
  due_soon: '即将到期',
  on_track: '正常推进',
  ongoing: '长期推进',
  no_deadline: '未定时限',
  closed_unfinished: '无法办结',
};

export const LIGHT_WORDS: Record<Light, string> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  blue: '蓝灯',
  gray: '灰灯',
};

export interface AnalyzedItem {
  id: string;
  title: string;
  source: ItemSource;
  leadUnit: string | null;
  coUnits: string[];
  assignedOn: IsoDate | null;
  deadlineText: string;
  deadline: IsoDate | null;
  ongoing: boolean;
  extendedTo: IsoDate | null;
  effectiveDeadline: IsoDate | null;
  completedOn: IsoDate | null;
  status: Status;
  light: Light;
  overdueWorkdays: number | null;
  overdueDays: number | null;
  workdaysLeft: number | null;
  reminders: number;
  escalate: boolean;
  audience: Audience;
  file: string;
  row: number;
  warnings: string[];
  // extensions
  /** Full 事项 text as written. */
  text: string;
  seq: string | null;
  basis: string;
  responsible: string;
  state: ItemState;
  progress: string;
  /** Start of a range deadline (6月-9月 → the 6月 start), else null. */
  deadlineStart: IsoDate | null;
  extensionText: string;
  extensionAppliedOn: IsoDate | null;
  extensionApprovedBy: string;
  /** Dates of the counted reminders, oldest first. */
  reminderDates: IsoDate[];
  /** Date of the last counted reminder. */
  lastReminderOn: IsoDate | null;
  /** done_late only: working days in (effective deadline, completion date]. */
  lateWorkdays: number | null;
  /** 发文字号 of the 督办通知 that assigned it (registered, or numbered by this build), or null. */
  docNo: string | null;
  /**
   * Only on campaign rows followed like 督办 items (aggregate/campaign-items.ts), which never reach
   * analysis.json `items`: the form the unit reported it on, so its letters describe it as the unit's
   * own commitment instead of a task assigned to it.
   */
  campaign?: CampaignOrigin;
  /** The latest 进展反馈 row for it (internal only, never published). */
  feedback: ItemFeedback | null;
  /** This month's feedback due date for an open item, else null. */
  feedbackDue: IsoDate | null;
  feedbackStatus: FeedbackStatus | null;
  /** The latest 申请办结 / 申请延期 and the office's decision on it. */
  request: ItemRequest | null;
  /** The section heading above the item in its table (spec §1, §5), or null; set on every analyzed item. */
  section?: string | null;
  /** Its 时序进度 milestones (spec §5; `[]` when none); set on every analyzed item. */
  milestones?: ItemMilestone[];
  /** The milestone that made the open item overdue (missed) or due_soon (next due), else null. */
  dueMilestone?: ItemMilestone | null;
  /** Recurring work (每月, 每季度 …): the period of its check; its deadline is this period's due date. */
  recurring?: 'week' | 'month' | 'quarter' | 'half' | 'year' | 'term' | null;
}

/** A 时间节点 of an item (spec §5): its own deadline and status (§4). */
export interface ItemMilestone {
  text: string;
  deadlineText: string;
  deadline: IsoDate | null;
  status: Status;
  light: Light;
}

export interface ItemFeedback {
  on: IsoDate;
  unit: string | null;
  progress: string;
  state: FeedbackState;
}

/** received: fed back this month · missing: the due day passed without · pending: not yet due. */
export type FeedbackStatus = 'received' | 'missing' | 'pending';

export interface ItemRequest {
  kind: ReviewTopic;
  /** 反馈日期 of the request. */
  on: IsoDate;
  /** The completion date, or the new deadline, asked for. */
  date: IsoDate | null;
  decision: 'pending' | 'approved' | 'returned';
  decidedOn: IsoDate | null;
  by: string | null;
  /** What the unit wrote (progress, reason). */
  text: string;
  unit: string | null;
  /** Seed 004 checks an extension request fails, in words (empty when none, or for 办结). */
  checks: string[];
  /** The office's 审核意见. */
  opinion: string;
}

/** A 自查表 or 整改表 row as its letters describe it (seed 000, 附件1 and 附件2). */
export interface CampaignOrigin {
  kind: '自查' | '整改';
  /** 填报日期 of the form (column or title line), when known. */
  reportedOn: IsoDate | null;
  /** 序号 on the form, '' when it has none. */
  seq: string;
  /** 制度名称 without 书名号. */
  regulation: string;
  /** 自查: the 执行现状 with its reason (执行不好（经费不足）); 整改: 近期完成 or 限期完成. */
  state: string;
  /** The 整改措施 as written. */
  measure: string;
}

export interface UnitStats {
  unit: string;
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  dueSoon: number;
  /** doneOnTime / items whose deadline has passed or that are done; null when none. */
  onTimeRate: number | null;
  reminders: number;
  // extensions
  /** Items the unit cooperates on (not counted in total). */
  coItems: number;
  /** Open items it leads whose feedback is missing this month. */
  feedbackMissing: number;
  ongoing: number;
  onTrack: number;
  doneLate: number;
  escalations: number;
  overdueWorkdays: number;
  inDirectory: boolean;
  category: string;
  head: string;
  liaison: string;
  phone: string;
  leader: string;
}

export interface SelfCheckEntry {
  unit: string | null;
  issuer: string;
  name: string;
  state: ExecutionState;
  reason: string;
  measure: string;
  deadlineText: string;
  deadline: IsoDate | null;
  status: Status;
  light: Light;
  file: string;
  row: number;
  // extensions
  /** 填报日期 (column or title line), the base date of the 时限; null when the form gives none. */
  reportedOn: IsoDate | null;
  /** 序号 on the form, '' when it has none. */
  seq: string;
}

export interface RectificationEntry {
  unit: string | null;
  issuer: string;
  name: string;
  measure: string;
  progress: string;
  completion: Completion;
  deadlineText: string;
  deadline: IsoDate | null;
  status: Status;
  light: Light;
  file: string;
  row: number;
  // extensions
  /** 填报日期 (column or title line), the base date of the 时限; null when the form gives none. */
  reportedOn: IsoDate | null;
  /** 序号 on the form, '' when it has none. */
  seq: string;
}

export interface RegulationEntry {
  name: string;
  docNo: string;
  issuer: string;
  year: number | null;
  state: RegulationState;
  ageYears: number | null;
  reviewDue: boolean;
  file: string;
  row: number;
}

export type SubmissionStatus = 'sent_on_time' | 'sent_late' | 'missing' | 'pending';

export interface SubmissionEntry {
  material: string;
  unit: string;
  due: IsoDate;
  sentOn: IsoDate | null;
  status: SubmissionStatus;
  /** extension — missing only: working days in (due, T], as overdueWorkdays of items; else null. */
  overdueWorkdays: number | null;
}

export interface DisclosureEntry {
  category: DisclosureCategory;
  title: string;
  audience: Audience;
  unit: string | null;
  form: string;
  dueOn: IsoDate | null;
  publishedOn: IsoDate | null;
  /** Published after 应公开日期, or not published and 应公开日期 has passed. */
  late: boolean;
  summary: string;
  link: string | null;
  file: string;
  row: number;
}

/**
 * A numbered 督办通知 (spec §2.12): one registered by the office (its number and items fixed for
 * ever), or one this build numbers for items assigned since, to be registered.
 */
/** How a document names the unit of an item whose 承办单位 is empty. */
export const NO_LEAD_UNIT = '未明确牵头单位';

export interface Notice {
  docNo: string;
  year: number;
  number: number | null;
  unit: string;
  itemIds: string[];
  issuedOn: IsoDate;
  registered: boolean;
}

export interface Analysis {
  asOf: IsoDate;
  items: AnalyzedItem[];
  /** The 督办通知 of the as-of month: registered ones dated in it, then new ones. */
  notices: Notice[];
  units: UnitStats[];
  selfChecks: SelfCheckEntry[];
  rectifications: RectificationEntry[];
  regulations: RegulationEntry[];
  submissions: SubmissionEntry[];
  disclosures: DisclosureEntry[];
  issues: Issue[];
}
