import { describe, expect, it } from 'vitest';
import { shortTitle } from '../../pipeline/validate/item-title.ts';

describe('shortTitle', () => {
  it.each([
    ['（一）强化政治理论学习。全校各级党组织组织广大党员…', '强化政治理论学习'],
    ['(二)巩固深化主题教育成果。把…', '巩固深化主题教育成果'],
    ['1. 完成本科教学质量报告；报送教育厅', '完成本科教学质量报告'],
    ['3、修订考勤办法', '修订考勤办法'],
    ['一、把党的政治建设摆在首位', '把党的政治建设摆在首位'],
    ['①落实经费', '落实经费'],
    ['推进2026年1.5万平方米宿舍维修', '推进2026年1.5万平方米宿舍维修'],
    ['没有句号的长标题', '没有句号的长标题'],
    ['。', '。'],
  ])('%s → %s', (text, title) => {
    expect(shortTitle(text)).toBe(title);
  });
});
