/** Renderers are pure: they return files as values; write/ puts them on disk atomically. */
export interface OutputFile {
  /** Relative to the out folder, POSIX separators: 'internal/催办通知/…pdf', 'public/index.html'. */
  path: string;
  bytes: Uint8Array | string;
  /** A page to be drawn as a long image beside it (the latest 通报 of an edition). */
  longImage?: boolean;
}

/**
 * A file the render memo found already on disk with exactly the bytes this build would draw
 * (write/render-memo.ts checked the disk, not only its notes): nothing is drawn or read for it,
 * and the writer checks it once more before counting it unchanged.
 */
export interface KeptFile {
  path: string;
  /** hashBytes of the bytes on disk. */
  kept: string;
  longImage?: boolean;
}

/** What a build produces: files drawn this time, and files kept as they are on disk. */
export type BuiltFile = OutputFile | KeptFile;

export function isKept(f: BuiltFile): f is KeptFile {
  return 'kept' in f;
}
