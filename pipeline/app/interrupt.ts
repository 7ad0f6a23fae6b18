/**
 * Ctrl+C and SIGTERM end a run cleanly. While files are being written the signal only asks the
 * writer to stop after the files in flight (it then saves a consistent manifest and releases the
 * lock); at any other moment nothing is on disk yet, so the run ends at once, after closing what
 * it started (a browser for the long images runs in its own process group and would outlive us).
 * A second signal ends the run immediately; the lock file is removed on exit in any case.
 */
export interface Interrupt {
  signal: AbortSignal;
  /** Runs `fn` as a critical section: a signal then waits for it instead of exiting. */
  writing<T>(fn: () => Promise<T>): Promise<T>;
  dispose(): void;
}

const cleanups = new Set<() => Promise<void> | void>();

/** Something to close when a run is interrupted (a browser); returns its removal. */
export function onInterrupt(fn: () => Promise<void> | void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export function installInterrupt(say: (line: string) => void): Interrupt {
  const controller = new AbortController();
  let critical = 0;
  let received: NodeJS.Signals | null = null;
  const handler = (sig: NodeJS.Signals) => {
    if (received !== null) process.exit(EXIT_CODES[sig] ?? 130);
    received = sig;
    controller.abort();
    if (critical > 0) {
      say('正在中止：等待正在写入的文件完成，输出目录会保持一致……');
      return;
    }
    void stopNow(sig, say);
  };
  for (const sig of Object.keys(EXIT_CODES) as NodeJS.Signals[]) process.on(sig, handler);
  return {
    signal: controller.signal,
    async writing(fn) {
      critical++;
      try {
        return await fn();
      } finally {
        critical--;
        if (critical === 0 && received !== null) await stopNow(received, say);
      }
    },
    dispose() {
      for (const sig of Object.keys(EXIT_CODES) as NodeJS.Signals[]) process.off(sig, handler);
    },
  };
}

async function stopNow(sig: NodeJS.Signals, say: (line: string) => void): Promise<never> {
  await Promise.allSettled([...cleanups].map(async (fn) => fn()));
  say('已中止。输出目录中的文件保持为上次完整生成或本次已写完的版本；再次运行即可补齐。');
  process.exit(EXIT_CODES[sig] ?? 130);
}
