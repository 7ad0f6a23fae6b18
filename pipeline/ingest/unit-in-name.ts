/**
 * A department's own task table names its unit in the file name (`教务处2026年重点工作任务分解表.xlsx`,
 * `2026年教务处重点工作.csv`, `部门重点工作任务分解实施表（工会）.csv`). Without the unit
 * directory (ingest runs before it is read) this finds a word that ends the way unit names end;
 * validate prefers a directory name found in the file name. Used only for tables that have no
 * unit column. Never throws.
 */

/** Endings of unit names: 处, 局, 委, 办公室, 中心, 学院 … (not 会 alone: 校长办公会 is a meeting). */
const UNIT_END =
  /(?:办公室|委员会|管委会|管理委员会|指挥部|中心|集团|公司|学院|研究院|研究所|图书馆|档案馆|博物馆|医院|政府|街道|党委|党组|团委|工会|妇联|残联|科协|侨联|文联|学会|协会|[处局委办室部厅署院馆所站队科组社])$/u;
/** Words that begin the table's own name: the unit is what comes before them. */
const TABLE_WORDS = [
  '关于',
  '印发',
  '重点',
  '工作',
  '任务',
  '台账',
  '清单',
  '督办',
  '督查',
  '督促',
  '分解',
  '计划',
  '方案',
  '进度',
  '情况',
  '民生',
  '实事',
  '事项',
  '一览',
  '汇总',
  '目标',
  '考核',
  '责任',
  '落实',
  '推进',
  '附件',
  '分工',
  '年度',
  '季度',
  '月度',
  '表',
];
/** 督办, 承办 … end in 办 but are acts, not units. */
const NOT_UNITS = /^(?:督|承|主|协|举|开|创|筹|代|包|查|交|转|催|领|分|在|待|已)办$|办公会$|常委会$/u;

export function unitInName(baseName: string): string | null {
  try {
    const name = typeof baseName === 'string' ? baseName : '';
    const parts = name
      .replace(/\d{2,4}\s*[-—~至到]\s*\d{2,4}\s*年度?/gu, ' ')
      .replace(/\d{2,4}\s*年度?/gu, ' ')
      .replace(/\d+\s*(?:月份?|日|季度)/gu, ' ')
      .split(/[\d\s\-_－—·.,，、;；()（）[\]【】《》〈〉"'“”‘’]+/u);
    for (const raw of parts) {
      let part = raw.replace(/^(?:年度|年|月份|月|季度|度)/u, '');
      let cut = part.length;
      for (const w of TABLE_WORDS) {
        const at = part.indexOf(w);
        if (at >= 0 && at < cut) cut = at;
      }
      part = part.slice(0, cut);
      if (part.length >= 2 && part.length <= 20 && UNIT_END.test(part) && !NOT_UNITS.test(part)) return part;
    }
    return null;
  } catch {
    return null;
  }
}
