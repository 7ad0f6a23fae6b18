/**
 * The wording of the formal documents, as Handlebars strings. templates/pdf/wording.json
 * overrides any of them (an office edits sentences there, not here); these defaults keep the
 * build working when the file is missing or a key is left out. The 催办通知 letter is the
 * wording of 附件2 of the 督查督办工作办法 (seed 003); deadline rules follow seed 004 art. 22.
 */
export const DEFAULT_WORDING = {
  'reminder.title': '{{organization}}督查督办事项催办通知',
  'reminder.ordinal': '（第{{n}}次催办）',
  'reminder.label.unit': '被催办单位',
  'reminder.label.responsible': '责任人',
  'reminder.label.sender': '催办人',
  'reminder.label.signer': '签收人',
  'reminder.label.item': '催办事项',
  'reminder.item': '{{title}}（编号：{{id}}）',
  'reminder.salutation': '{{unit}}：',
  'reminder.body': '{{assignedOn}}转你单位的以上表格中的督办事项，要求你单位于{{deadline}}前完成并上报办理情况。现已超过办结时限，特此催办。请接此催办通知后迅速督促落实。',
  'reminder.body.selfCheck':
    '你单位{{#if reportedOn}}于{{reportedOn}}{{/if}}报送的《制度执行情况自查表》中，《{{regulation}}》的执行现状为“{{state}}”，你单位承诺：{{measure}}（整改时限：{{deadlineText}}{{#if deadline}}，即{{deadline}}{{/if}}）。截至{{asOf}}，该项整改{{#if workdays}}已逾期{{workdays}}个工作日{{else}}已超过整改时限{{/if}}，特此催办。请接此催办通知后迅速督促落实，并及时报送整改落实情况。',
  'reminder.body.rectification':
    '你单位{{#if reportedOn}}于{{reportedOn}}{{/if}}报送的《制度执行情况整改表》中，对《{{regulation}}》的整改措施“{{measure}}”承诺{{state}}（完成时限：{{deadlineText}}{{#if deadline}}，即{{deadline}}{{/if}}）。截至{{asOf}}，该项整改{{#if workdays}}已逾期{{workdays}}个工作日{{else}}已超过完成时限{{/if}}，尚未报告完成，特此催办。请接此催办通知后迅速督促落实，并及时报送整改落实情况。',
  'reminder.stage.missed': '其中，时序进度中“{{#if deadlineText}}{{deadlineText}}：{{/if}}{{text}}”这一节点{{#if deadline}}（时限{{deadline}}）{{/if}}已过，尚未报告完成，请一并抓紧落实。',
  'reminder.stage.next': '时序进度中的下一个节点为“{{#if deadlineText}}{{deadlineText}}：{{/if}}{{text}}”{{#if deadline}}，时限{{deadline}}{{/if}}。',
  'reminder.escalationMark': '重点督办',
  'reminder.escalation': '该事项已累计催办{{n}}次，列为重点督办事项。根据《督查督办工作办法》第八条，经督查督办工作办公室督办3次以上的，应当从重或者加重问责。请你单位主要负责人亲自督促落实。',
  'reminder.contact': '督查督办工作办公室联系人：{{contactPerson}}',
  'reminder.phone': '电话：{{contactPhone}}',
  'reminder.csvNote': '第{{n}}次催办',
  'reminder.csvMethod': '书面',

  'assignment.title': '关于交办{{period}}督查督办事项的通知',
  'assignment.salutation': '{{unit}}：',
  'assignment.intro': '根据学校工作安排，现将{{count}}项督查督办事项交由你单位牵头办理（见下表）。请你单位高度重视，明确责任人，制定工作方案，会同协办单位抓好落实，并按时报送办理情况。',
  'assignment.rulesHeading': '一、办理要求',
  'assignment.rules':
    '（一）实行限时办结。请在办结时限内完成并通过办公系统报送办理情况；涉及多个单位的，由你单位牵头协调，协办单位积极配合。\n（二）确需延期的，须在办结时限前5个工作日提出书面申请，说明原因和拟办结时限。每个事项只能延期一次。\n（三）申请延期3个月以内的，由党政办公室确定；超过3个月的，须经分管校领导确定。',
  'assignment.listHeading': '二、交办事项',
  'assignment.col.id': '编号',
  'assignment.col.title': '事项',
  'assignment.col.deadline': '办结时限',
  'assignment.col.coUnits': '协办单位',
  'assignment.deadline': '{{text}}（{{date}}）',
  'assignment.docNo': '{{prefix}}〔{{year}}〕{{number}}号',

  'form.title': '{{organization}}督查督办工作登记表',
  'form.number': '编号：{{id}}',
  'form.label.task': '工作任务',
  'form.label.basis': '立项依据',
  'form.label.lead': '牵头单位',
  'form.lead': '{{lead}}{{#if coUnits}}（协办：{{coUnits}}）{{/if}}',
  'form.label.officeOpinion': '办公室意见',
  'form.label.leaderOpinion': '校领导意见',
  'form.label.result': '办理结果',
  'form.label.close': '是否准予结项',
  'form.label.closeOffice': '党校办意见',
  'form.label.closeLeader': '校领导意见',
  'form.label.remark': '备注',
  'form.yes': '是',
  'form.no.option': '否',
  'form.remark': '办结时限：{{deadline}}；状态：{{status}}{{#if completedOn}}；办结日期：{{completedOn}}{{/if}}',
  'form.feedback': '{{#if unit}}{{unit}}{{/if}}{{on}}反馈：{{progress}}',
  'form.decision':
    '{{#if approved}}{{#if extension}}同意延期至{{date}}{{else}}同意办结{{/if}}{{else}}{{#if extension}}不同意延期{{else}}退回补办{{/if}}{{/if}}{{#if opinion}}。{{opinion}}{{/if}}（{{by}}，{{decidedOn}}）',

  'due.title': '督查督办事项到期提醒',
  'due.stage': '（{{#if missed}}已过的节点{{else}}下一节点{{/if}}：{{#if deadlineText}}{{deadlineText}}，{{/if}}{{text}}）',
  'due.salutation': '{{unit}}：',
  'due.body':
    '你单位牵头办理的以下{{count}}项督查督办事项即将到期，感谢你单位的积极推进。请合理安排，确保在办结时限内完成并报送办理情况。如确需延期，请于办结时限前5个工作日提出申请（每个事项只能延期一次）。',
  'due.intro': '你单位牵头办理的以下{{count}}项督查督办事项即将到期，感谢你单位的积极推进。请合理安排，确保在办结时限内完成并报送办理情况。',
  'due.intro.mixed':
    '你单位牵头办理的{{items}}项督查督办事项和在制度执行情况自查、整改中承诺的{{campaign}}项整改即将到期（见下表），感谢你单位的积极推进。请合理安排，确保按期完成并报送办理情况和整改落实情况。',
  'due.body.campaign': '你单位在制度执行情况自查、整改中承诺的以下{{count}}项整改即将到期。请按承诺的时限完成整改，并及时报送整改落实情况；如确有困难无法按期完成，请立即书面说明情况。',
  'due.extension.open': '如确需延期，请于办结时限前5个工作日提出申请（每个事项只能延期一次）。',
  'due.extension.passed': '表中督查督办事项已不能再申请延期（延期申请最迟在办结时限前5个工作日提出，每个事项只能延期一次）。如确有困难无法按期办结，请立即书面说明情况。',
  'due.extension.some':
    '表中督查督办事项距办结时限不少于5个工作日且未延期的，如确需延期，请于办结时限前5个工作日提出申请（每个事项只能延期一次）；其余事项已不能再申请延期，如确有困难无法按期办结，请立即书面说明情况。',
  'due.col.id': '编号',
  'due.col.title': '事项',
  'due.col.deadline': '办结时限',
  'due.col.left': '剩余工作日',
  'due.left': '{{#if today}}今日到期{{else}}{{#if days}}{{days}}个工作日{{else}}不足1个工作日{{/if}}{{/if}}',

  'file.reminder': '催办通知-{{unit}}-{{id}}',
  'file.reminderBatch': '催办通知（全部，双面打印）',
  'file.reminderCsv': '催办记录-{{date}}',
  'file.assignment': '督办通知-{{unit}}-{{docNo}}',
  'file.form': '登记表-{{unit}}-{{id}}',
  'file.due': '到期提醒-{{unit}}',
} as const;

export type WordingKey = keyof typeof DEFAULT_WORDING;
