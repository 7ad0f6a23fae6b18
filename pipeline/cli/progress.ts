/** Stage-by-stage progress on stderr for interactive terminals; silent in CI and when piped. */
import cliProgress from 'cli-progress';
import type { Progress } from '../model/progress.ts';

export type { Progress } from '../model/progress.ts';

export function progress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Progress {
  const interactive = Boolean(stream.isTTY) && !env.CI;
  const timings: { label: string; ms: number }[] = [];
  return {
    timings,
    note(line) {
      stream.write(interactive ? `\r\u001b[2K${line}\n` : `${line}\n`);
    },
    counter(label) {
      if (!interactive) return { tick() {}, stop() {} };
      const bar = new cliProgress.SingleBar({ stream: stream, format: `  ${label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: true, fps: 10 }, cliProgress.Presets.shades_classic);
      let started = false;
      return {
        tick(done, total) {
          if (total < 50) return; // a few documents: the stage line is enough
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
        stop() {
          if (started) bar.stop();
        },
      };
    },
    async stage(label, fn) {
      const t0 = performance.now();
      if (interactive) stream.write(`\r\u001b[2K… ${label}`);
      try {
        return await fn();
      } finally {
        const ms = performance.now() - t0;
        timings.push({ label, ms });
        if (interactive) stream.write(`\r\u001b[2K✓ ${label}（${formatMs(ms)}）\n`);
      }
    },
  };
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`;
}
