import { describe, expect, it } from 'vitest';
import { campaignTrackedItems } from '../../pipeline/aggregate/campaign-items.ts';
import { fixtureItem } from '../support/analysis-fixture.ts';
import { seed000Analysis } from '../campaign/seed000-expected.ts';
import { weekdayCalendar } from '../campaign/weekday-calendar.ts';

describe('campaignTrackedItems', () => {
  const analysis = seed000Analysis();
  const items = campaignTrackedItems(analysis, weekdayCalendar());

  it('tracks self-check rows other than 比较好 that have no 整改表 row, and open rectifications', () => {
    expect(items.map((i) => i.id)).toEqual(['自查-科技处-2', '自查-学生工作处-4', '整改-教务处-5', '整改-教务处-6', '整改-人事处-3', '整改-人事处-4']);
  });

  it('has the shape of a 督办 item: title, lead unit, source, audience, status from the entry', () => {
    const it0 = items.find((i) => i.id === '自查-学生工作处-4')!;
    expect(it0).toMatchObject({
      title: '落实《辽宁科技大学学生手册》整改：按新修订的规定更新学生手册',
      leadUnit: '学生工作处',
      coUnits: [],
      source: '其他',
      audience: '不公开',
      deadlineText: '11月中旬',
      deadline: '2022-11-20',
      effectiveDeadline: '2022-11-20',
      status: 'overdue',
      light: 'red',
      overdueDays: 20,
      overdueWorkdays: 15,
      workdaysLeft: null,
      reminders: 0,
      escalate: false,
      reminderDates: [],
      lastReminderOn: null,
      state: '办理中',
      file: '自查表-学工处.csv',
      row: 4,
      ongoing: false,
    });
    const r = items.find((i) => i.id === '整改-教务处-5')!;
    expect(r).toMatchObject({ status: 'on_track', workdaysLeft: 7, overdueDays: null, progress: '已列入入学教育计划' });
  });

  it('without a calendar gives calendar days only', () => {
    const plain = campaignTrackedItems(analysis).find((i) => i.id === '整改-人事处-3')!;
    expect(plain).toMatchObject({ status: 'overdue', overdueDays: 10, overdueWorkdays: null });
  });

  it('ids are unique and stable when one unit sends two forms', () => {
    const a = seed000Analysis();
    a.selfChecks.push({ ...a.selfChecks.find((s) => s.row === 4 && s.unit === '学生工作处')!, file: '自查表-学工处（更正）.csv' });
    const ids = campaignTrackedItems(a).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('自查-学生工作处-4-2');
    expect(campaignTrackedItems(a).map((i) => i.id)).toEqual(ids);
  });

  it('a long measure is cut in the title and kept whole in the text', () => {
    const a = seed000Analysis();
    a.selfChecks = [{ ...a.selfChecks[1]!, state: '未执行', measure: '完善制度'.repeat(30), status: 'on_track', deadline: '2022-12-31' }];
    a.rectifications = [];
    const [item] = campaignTrackedItems(a);
    expect(Array.from(item!.title).length).toBeLessThan(90);
    expect(item!.title.endsWith('…')).toBe(true);
    expect(item!.text).toBe(`落实《辽宁科技大学职称评审办法》整改：${'完善制度'.repeat(30)}`);
  });

  it('plans 催办通知 and 到期提醒 like 督办 items (same AnalyzedItem keys, plus the form it came from)', () => {
    expect(Object.keys(items[0]!).sort()).toEqual([...Object.keys(fixtureItem({ id: 'x' })), 'campaign'].sort());
  });

  it('carries the form, its 填报日期 and 序号, and what the unit committed to, for its letters', () => {
    expect(items.find((i) => i.id === '自查-学生工作处-4')!.campaign).toEqual({
      kind: '自查',
      reportedOn: '2022-11-11',
      seq: '2',
      regulation: '辽宁科技大学学生手册',
      state: '需要补充修订',
      measure: '按新修订的规定更新学生手册',
    });
    expect(items.find((i) => i.id === '整改-人事处-3')!.campaign).toEqual({
      kind: '整改',
      reportedOn: '2022-11-25',
      seq: '1',
      regulation: '辽宁科技大学教职工考勤管理办法',
      state: '近期完成',
      measure: '严格考勤登记，按月通报',
    });
  });

  it('is empty without campaign rows', () => {
    expect(campaignTrackedItems({ asOf: '2022-12-10', selfChecks: [], rectifications: [] })).toEqual([]);
  });
});
