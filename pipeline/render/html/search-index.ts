/**
 * The offline search index: a script that assigns a global, because browsers refuse fetch() of
 * a JSON file from file:// and the site must work from a USB stick. It holds the edition's own
 * items only, and only the fields the pages already show (id, title, units, status).
 */
import { STATUS_WORDS } from '../../model/analysis.ts';
import type { EditionView } from './edition.ts';
import { compareIds } from './counts.ts';
import { itemAnchor, unitPage } from './paths.ts';
import { leadUnitOf } from './item-rows.ts';

export const SEARCH_GLOBAL = 'DUBAN_SEARCH_INDEX';

export interface SearchEntry {
  /** 编号 */
  i: string;
  /** 事项 */
  t: string;
  /** 牵头单位 and 配合单位, 、-separated */
  u: string;
  /** status word */
  s: string;
  /** page and anchor, relative to the edition root */
  h: string;
}

export function searchEntries(view: EditionView): SearchEntry[] {
  return [...view.items]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((item) => {
      const lead = leadUnitOf(item);
      return {
        i: item.id,
        t: item.title,
        u: [lead, ...item.coUnits].join('、'),
        s: STATUS_WORDS[item.status],
        h: `${unitPage(lead)}#${itemAnchor(item.key)}`,
      };
    });
}

export function searchIndexScript(view: EditionView): string {
  return `window.${SEARCH_GLOBAL} = ${scriptSafeJson(searchEntries(view))};\n`;
}

/**
 * JSON that cannot end its script or start markup whatever a cell holds: <, >, & and the
 * JavaScript line terminators U+2028/2029 become \u escapes (still the same JSON value).
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
