/** Units written in one cell with their roles (spec §2.1): the lead is the one marked lead, else the first. */
import { describe, expect, it } from 'vitest';
import { assignUnits } from '../../pipeline/validate/unit-names.ts';

// [承办单位 cell, 配合单位 cell, lead, co-units]
const CELLS: [string, string, string | null, string[]][] = [
  ['县水务局（牵头）、县住建局', '', '县水务局', ['县住建局']],
  ['县住建局、县水务局（牵头）', '', '县水务局', ['县住建局']],
  ['县住建局、县水务局(牵头)', '', '县水务局', ['县住建局']],
  ['教务处牵头，人事处配合', '', '教务处', ['人事处']],
  ['人事处配合，教务处牵头', '', '教务处', ['人事处']],
  ['由教务处牵头，人事处、财务处配合', '', '教务处', ['人事处', '财务处']],
  ['牵头单位：教务处；配合单位：人事处、财务处', '', '教务处', ['人事处', '财务处']],
  ['配合单位：人事处；牵头单位：教务处', '', '教务处', ['人事处']],
  ['牵头：教务处 配合：人事处', '', '教务处', ['人事处']],
  ['县水务局\n县住建局\n县护城河指挥部', '', '县水务局', ['县住建局', '县护城河指挥部']],
  ['区财政局\r\n区税务局', '区政府有关部门,各乡镇人民政府、街道办事处。', '区财政局', ['区税务局', '区政府有关部门', '各乡镇人民政府', '街道办事处']],
  ['教务处、网信中心', '人事处', '教务处', ['网信中心', '人事处']],
  ['党委办公室（校长办公室）', '', '党委办公室（校长办公室）', []],
  ['教务处（配合）、学工处', '', '学工处', ['教务处']],
  ['', '人事处', '人事处', []],
  ['', '', null, []],
];

describe('assignUnits', () => {
  it.each(CELLS)('「%s」 + 「%s」 → lead %s, co %j', (lead, co, expectedLead, expectedCo) => {
    expect(assignUnits(lead, co)).toEqual({ lead: expectedLead, co: expectedCo });
  });
});
