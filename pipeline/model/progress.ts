/** What a long run reports as it goes: the stages (timed), a counter for many documents, a line the user must see. The terminal's implementation is cli/progress.ts. */
export interface Progress {
  stage<T>(label: string, fn: () => Promise<T> | T): Promise<T>;
  /** A bar for a stage with many documents; a no-op when not interactive. */
  counter(label: string): { tick(done: number, total: number): void; stop(): void };
  /** A line the user must see now (waiting for another build), interactive or not. */
  note(line: string): void;
  readonly timings: { label: string; ms: number }[];
}
