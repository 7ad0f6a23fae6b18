/** The CLI in-process, with stdout and stderr captured. */
import { Writable } from 'node:stream';
import { main } from '../../pipeline/cli/main.ts';

function sink(): NodeJS.WriteStream & { text: () => string } {
  let buf = '';
  const w = new Writable({
    write(chunk, _enc, cb) {
      buf += chunk.toString();
      cb();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  w.text = () => buf;
  return w;
}

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, { out, err });
  return { code, out: out.text(), err: err.text() };
}
