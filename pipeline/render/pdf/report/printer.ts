/**
 * Turns a pdfmake document definition into PDF bytes with our own font table.
 *
 * We drive pdfmake's Printer directly instead of the `pdfmake` singleton so that this
 * module's fonts never clash with another renderer's `setFonts`, and so fonts come from a
 * private in-memory file system (handles from font-cache.ts) — no file or URL access at
 * render time: both access policies deny everything.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  end(): void;
}
interface VirtualFs {
  existsSync(name: string): boolean;
  readFileSync(name: string): Buffer;
}
interface UrlResolverInstance {
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
}
type PrinterClass = new (
  fonts: FontTable,
  vfs: VirtualFs,
  urlResolver: UrlResolverInstance,
  localAccessPolicy: (path: string) => boolean,
) => { createPdfKitDocument(dd: TDocumentDefinitions, options?: object): Promise<PdfKitDocument> };
type UrlResolverClass = new (vfs: VirtualFs) => UrlResolverInstance;

/** pdfmake (~0.1 s to load) is loaded by the first document printed. */
let pdfmake: { Printer: PrinterClass; UrlResolver: UrlResolverClass } | undefined;
function loadPdfmake(): { Printer: PrinterClass; UrlResolver: UrlResolverClass } {
  return (pdfmake ??= {
    Printer: (require('pdfmake/js/Printer.js') as { default: PrinterClass }).default,
    UrlResolver: (require('pdfmake/js/URLResolver.js') as { default: UrlResolverClass }).default,
  });
}

/** pdfmake family name → vfs file names per style. */
export type FontTable = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;

export interface PdfEngine {
  fonts: FontTable;
  files: ReadonlyMap<string, Buffer>;
  /**
   * Documents already rendered in this process, by content. A watch session rebuilds thousands of
   * documents of which a save changes a handful; the others come back from here. Bounded.
   */
  memo?: RenderMemo;
}

export class RenderMemo {
  private entries = new Map<string, Uint8Array>();
  private bytes = 0;
  hits = 0;
  constructor(private readonly maxBytes = 512 * 1024 * 1024) {}
  get(key: string): Uint8Array | undefined {
    const v = this.entries.get(key);
    if (v) this.hits += 1;
    return v;
  }
  set(key: string, value: Uint8Array): void {
    if (this.entries.has(key)) return;
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }
}

/** Same definition → same bytes (fixed dates, no random ids), so the definition is the key. */
function memoKey(dd: TDocumentDefinitions): string {
  const footer = typeof dd.footer === 'function' ? dd.footer.toString() : '';
  return createHash('sha256').update(JSON.stringify(dd)).update(footer).digest('base64');
}

const deny = (): boolean => false;

export async function renderPdf(engine: PdfEngine, dd: TDocumentDefinitions): Promise<Uint8Array> {
  if (!engine.memo) return print(engine, dd);
  const key = memoKey(dd);
  const known = engine.memo.get(key);
  if (known) return known;
  const bytes = await print(engine, dd);
  engine.memo.set(key, bytes);
  return bytes;
}

async function print(engine: PdfEngine, dd: TDocumentDefinitions): Promise<Uint8Array> {
  const { Printer, UrlResolver } = loadPdfmake();
  const vfs: VirtualFs = {
    existsSync: (name) => engine.files.has(name),
    readFileSync: (name) => {
      const bytes = engine.files.get(name);
      if (!bytes) throw new Error(`duban: font ${name} not loaded`);
      return bytes;
    },
  };
  const urlResolver = new UrlResolver(vfs);
  urlResolver.setUrlAccessPolicy(deny);
  // pdfmake writes resolved names back into the font table: give it a copy.
  const fonts: FontTable = {};
  for (const [family, styles] of Object.entries(engine.fonts)) fonts[family] = { ...styles };
  const printer = new Printer(fonts, vfs, urlResolver, deny);
  const doc = await printer.createPdfKitDocument(dd, {});
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
