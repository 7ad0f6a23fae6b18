/**
 * 时序进度 (spec §2.1: 进度安排, 时间节点, 阶段目标, 任务分解): one milestone per line, each starting
 * with a time expression of §3 — `3月：召开研讨会`, `4月—12月：…`, `4-12月：`, `3~6月：`, `9到12月…`,
 * `5月、10月：`, `全年：`, `4月初…`, `6月完成制度修订`, `3月 启动…`. Several on one line are split at
 * `，；` before the next time (`3月：启动，12月：组织验收`). A line without a time continues the
 * milestone above it (`3月:` followed by `1.做好…` `2.召开…`); before any milestone it is one
 * without a date. A line ending in 已完成 / √ marks that milestone done. Never throws.
 */
import { leadingDeadline, type DeadlineSpec } from './deadline-grammar.ts';

export type { MilestoneSpec } from '../model/deadline.ts';
import type { MilestoneSpec } from '../model/deadline.ts';

export interface MilestoneParse {
  milestones: MilestoneSpec[];
  /** Lines before the first milestone that carry no time (each became a milestone without a date). */
  undated: string[];
}

const MAX_LINES = 200;
const MAX_LINE = 2000;
/** Between the time and the words: `：` `:` `，` `、` a space, or nothing. */
const AFTER_TIME = /^[\s:：，,、;；.．]*/u;
/** A second time in a list: `5月、10月：`, `3月和9月`. */
const LIST_JOIN = /^\s*[、,，和及与/]\s*/u;
const DONE_MARK = /\s*(?:[（(【[]\s*(?:已完成|已办结|已落实|完成)\s*[）)】\]]|已完成|已办结|[√✓✔☑])\s*[。.；;]?\s*$/u;
/** Numbering before the time: `1. 3月：…`, `（1）3月底前…`, `①`. */
const NUMBERING = /^\s*(?:\d{1,2}\s*[.．、)）]|[（(]\s*\d{1,2}\s*[)）]|[①-⑳]|[-—•·*]\s*)\s*/u;

/** A cell of 时序进度 → its milestones, in the order written. */
export function parseMilestones(cell: string): MilestoneParse {
  const out: MilestoneParse = { milestones: [], undated: [] };
  try {
    const text = typeof cell === 'string' ? cell : '';
    const lines = text.split(/\r\n|\r|\n/u).slice(0, MAX_LINES);
    for (const raw of lines) {
      const line = raw.slice(0, MAX_LINE).trim();
      if (line === '') continue;
      for (const segment of segments(line)) addSegment(out, segment);
    }
  } catch {
    // A cell that trips the grammar keeps what was read before it.
  }
  return out;
}

function addSegment(out: MilestoneParse, segment: string): void {
  const head = timeAt(segment);
  const last = out.milestones[out.milestones.length - 1];
  if (!head) {
    if (last) {
      last.text = last.text === '' ? segment : `${last.text}\n${segment}`;
      markDone(last);
      return;
    }
    out.undated.push(segment);
    const m: MilestoneSpec = { text: segment, deadlineText: '', spec: null, done: false };
    markDone(m);
    out.milestones.push(m);
    return;
  }
  const m: MilestoneSpec = { text: segment.slice(head.end).replace(AFTER_TIME, '').trim(), deadlineText: head.text, spec: head.spec, done: false };
  markDone(m);
  out.milestones.push(m);
}

function markDone(m: MilestoneSpec): void {
  if (DONE_MARK.test(m.text)) {
    m.done = true;
    m.text = m.text.replace(DONE_MARK, '').trim();
  }
  m.text = m.text.replace(/[，,；;、\s]+$/u, '');
}

/** The time a segment starts with (after any numbering), a list of times taken to its last one. */
function timeAt(segment: string): { spec: DeadlineSpec; text: string; end: number } | null {
  const numbering = NUMBERING.exec(segment)?.[0].length ?? 0;
  const first = leadingDeadline(segment.slice(numbering));
  if (!first) return null;
  let spec = first.spec;
  let end = numbering + first.length;
  for (let i = 0; i < 6; i++) {
    const join = LIST_JOIN.exec(segment.slice(end));
    if (!join) break;
    const next = leadingDeadline(segment.slice(end + join[0].length));
    if (!next || next.spec.time === null) break;
    spec = next.spec;
    end += join[0].length + next.length;
  }
  const text = segment.slice(numbering, end).trim();
  // The spec as written, its text the segment's (spelled out: a spread copy per line is slow in V8).
  const own: DeadlineSpec = 'every' in spec ? { time: spec.time, ongoing: spec.ongoing, text, every: spec.every } : { time: spec.time, ongoing: spec.ongoing, text };
  return { spec: own, text, end };
}

/** `3月：启动，12月：组织验收` → two segments: split before a time that is followed by `：`. */
function segments(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  const sep = /[，,；;。]\s*/gu;
  for (let m = sep.exec(line); m; m = sep.exec(line)) {
    const after = m.index + m[0].length;
    const rest = line.slice(after);
    const t = timeAt(rest);
    if (t && /^\s*[:：]/u.test(rest.slice(t.end))) {
      out.push(line.slice(start, m.index).trim());
      start = after;
    }
  }
  out.push(line.slice(start).trim());
  return out.filter((s) => s !== '');
}
