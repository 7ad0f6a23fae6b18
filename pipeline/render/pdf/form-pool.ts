/**
 * 登记表 drawn on worker threads. A run has one per item — 10,000 of them at scale, ~0.35 ms
 * each plus the garbage collection of holding their bytes — while the main thread still has
 * the letters and notices to draw; on a 2-core machine the forms finish in about half the
 * time on two workers. The workers load the same templates (fonts, wording) and run the same
 * pure functions, so the bytes are the same as drawn inline. Small runs draw inline: starting
 * a worker (TypeScript loader, fonts) costs ~0.5 s.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzedItem } from '../../model/analysis.ts';
import type { IsoDate } from '../../model/dates.ts';
import type { OfficeConfig } from '../../config/office-config.ts';

/**
 * The worker's entry. Compiled (dist/render/pdf/form-pool.js), the worker is the compiled module
 * beside this one; run as TypeScript, a plain-JS bootstrap that registers tsx first.
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './form-worker.mjs' : './form-worker-main.js', import.meta.url);

/** Below this many forms, a worker's start-up costs more than it saves. */
export const PARALLEL_FROM = 1_500;
const CHUNK = 200;

export interface FormJob {
  templatesDir: string;
  config: OfficeConfig;
  asOf: IsoDate;
  items: AnalyzedItem[];
  /** How each item is named on its form (DocContext.label over the whole run), in the order of `items`. */
  labels?: string[];
  /** The DOCX of each form too (render/docx/). */
  docx?: boolean;
}

export interface FormResult {
  bytes?: Uint8Array[];
  docx?: Uint8Array[];
  error?: string;
}

/** The forms of `items` as PDF, in order, or null when workers cannot be used (then draw inline). */
export async function drawFormsInWorkers(job: FormJob, onDrawn: (count: number) => void, workers?: number): Promise<Uint8Array[] | null> {
  return (await drawFormFilesInWorkers({ ...job, docx: false }, onDrawn, workers))?.pdf ?? null;
}

/**
 * The forms of `items` in order as PDF and, with `job.docx`, as DOCX, or null when workers cannot be
 * used (then draw inline). `onDrawn` counts progress as chunks come back.
 */
export async function drawFormFilesInWorkers(
  job: FormJob,
  onDrawn: (count: number) => void,
  workers = Math.max(1, Math.min(availableParallelism(), 4)),
): Promise<{ pdf: Uint8Array[]; docx: Uint8Array[] } | null> {
  const chunks: AnalyzedItem[][] = [];
  const labelChunks: (string[] | undefined)[] = [];
  for (let i = 0; i < job.items.length; i += CHUNK) {
    chunks.push(job.items.slice(i, i + CHUNK));
    labelChunks.push(job.labels?.slice(i, i + CHUNK));
  }
  const results: Uint8Array[][] = new Array(chunks.length);
  const docx: Uint8Array[][] = new Array(chunks.length);
  let next = 0;
  const pool: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(workers, chunks.length) }, async () => {
        const worker = new Worker(WORKER_ENTRY);
        pool.push(worker);
        while (next < chunks.length) {
          const index = next++;
          const items = chunks[index] ?? [];
          const result = await ask(worker, { ...job, items, labels: labelChunks[index] });
          if (!result.bytes) throw new Error(result.error ?? 'form worker failed');
          results[index] = result.bytes;
          docx[index] = result.docx ?? [];
          onDrawn(items.length);
        }
      }),
    );
  } catch {
    return null;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { pdf: results.flat(), docx: docx.flat() };
}

function ask(worker: Worker, job: FormJob): Promise<FormResult> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (result: FormResult) => {
      cleanup();
      resolve(result);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`form worker exited with ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}
