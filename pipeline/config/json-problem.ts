/**
 * Where a settings or wording file stops being JSON, said for the person who edits it in Notepad:
 * the line and column (JSON.parse only gives a character offset, in English) and the usual cause.
 */
export function jsonProblem(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const position = /at position (\d+)/.exec(message);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  let where = '';
  if (lineColumn) where = `第 ${lineColumn[1]} 行第 ${lineColumn[2]} 列`;
  else if (position) {
    const before = text.slice(0, Number(position[1]));
    const lines = before.split('\n');
    where = `第 ${lines.length} 行第 ${[...lines.at(-1)!].length + 1} 列`;
  } else if (/end of JSON input/.test(message)) where = '文件末尾（内容不完整）';
  const hint = '请检查逗号、引号、括号是否为英文半角，最后一项后面不要加逗号';
  return where ? `${where}附近有误；${hint}` : hint;
}
