/**
 * 发文字号 that never change (spec §2.12). A registered 督办通知 keeps its number and its items
 * for ever. Items assigned in the as-of month that no registered notice covers go, per lead unit,
 * into new notices numbered from the next free number of the year: the largest registered number
 * of that year + 1, never below nextDocNo. New notices are numbered in the order their units'
 * first items were assigned (then by unit), so an item added later for another unit takes the
 * next number instead of pushing the others on.
 */
import { NO_LEAD_UNIT, type AnalyzedItem, type Notice } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import { issue, type Issue } from '../model/issue.ts';
import type { DocRegisterRecord } from '../model/records.ts';
import { compareZh } from '../model/text-order.ts';

export function formatDocNo(prefix: string, year: number, number: number): string {
  return `${prefix}〔${year}〕${number}号`;
}

export function planNotices(items: AnalyzedItem[], register: readonly DocRegisterRecord[], asOf: IsoDate, config: { docNoPrefix: string; nextDocNo: number }, issues: Issue[]): Notice[] {
  const prefix = config.docNoPrefix.replace(/\s+/gu, '');
  // Only a register names items by id: without one, no index of 100,000 items.
  const byId = new Map(register.length === 0 ? [] : items.map((i) => [i.id, i]));
  const registered: Notice[] = [];
  const covered = new Set<string>();
  for (const r of [...register].sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.docNo < b.docNo ? -1 : 1))) {
    const ids = r.itemIds.filter((id) => !covered.has(id));
    for (const id of r.itemIds) {
      const item = byId.get(id);
      if (!item) {
        issues.push(
          issue(
            'warning',
            'W_REGISTER_ITEM',
            { file: r.file, row: r.row, column: '编号', value: id },
            `发文登记中「${r.docNo}」所列事项「${id}」在督办事项台账中找不到`,
            '请核对编号；如果事项已从台账中删除，该文件仍按原文号保留，其余事项不受影响。',
          ),
        );
        continue;
      }
      if (covered.has(id)) continue;
      covered.add(id);
      item.docNo = r.docNo;
    }
    if (ids.length === 0 && r.itemIds.length > 0) continue;
    const first = ids.map((id) => byId.get(id)).find((i) => i !== undefined);
    registered.push({
      docNo: r.docNo,
      year: r.year ?? Number(r.issuedOn.slice(0, 4)),
      number: r.number,
      unit: r.recipient || (first?.leadUnit ?? NO_LEAD_UNIT),
      itemIds: ids.filter((id) => byId.has(id)),
      issuedOn: r.issuedOn,
      registered: true,
    });
  }

  const monthStart = `${asOf.slice(0, 7)}-01`;
  const groups = new Map<string, AnalyzedItem[]>();
  for (const item of items) {
    if (!item.assignedOn || item.assignedOn < monthStart || item.assignedOn > asOf || covered.has(item.id)) continue;
    const unit = item.leadUnit ?? NO_LEAD_UNIT;
    const list = groups.get(unit);
    if (list) list.push(item);
    else groups.set(unit, [item]);
  }
  const year = Number(asOf.slice(0, 4));
  const used = register.filter((r) => r.prefix === prefix && r.year === year && r.number !== null).map((r) => r.number!);
  let next = Math.max(config.nextDocNo, ...used.map((n) => n + 1));
  const firstAssigned = (list: AnalyzedItem[]) => list.reduce((min, i) => (i.assignedOn! < min ? i.assignedOn! : min), '9999-12-31');
  const fresh = [...groups.entries()]
    .map(([unit, list]) => ({ unit, list: list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), first: firstAssigned(list) }))
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : compareZh(a.unit, b.unit)))
    .map(({ unit, list }): Notice => {
      const number = next++;
      const docNo = formatDocNo(prefix, year, number);
      for (const item of list) item.docNo = docNo;
      return { docNo, year, number, unit, itemIds: list.map((i) => i.id), issuedOn: asOf, registered: false };
    });

  return [...registered.filter((n) => n.issuedOn >= monthStart && n.issuedOn <= asOf && n.itemIds.length > 0), ...fresh];
}
