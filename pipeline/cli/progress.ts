/** Stage-by-stage progress on stderr for interactive terminals; silent in CI and when piped. */
export interface Progress {
  stage<T>(label: string, fn: () => Promise<T> | T): Promise<T>;
  readonly timings: { label: string; ms: number }[];
}

export function progress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Progress {
  const interactive = Boolean(stream.isTTY) && !env.CI;
  const timings: { label: string; ms: number }[] = [];
  return {
    timings,
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
