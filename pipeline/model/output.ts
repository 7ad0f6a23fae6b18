/** Renderers are pure: they return files as values; write/ puts them on disk atomically. */
export interface OutputFile {
  /** Relative to the out folder, POSIX separators: 'internal/催办通知/…pdf', 'public/index.html'. */
  path: string;
  bytes: Uint8Array | string;
  /** A page to be drawn as a long image beside it (the latest 通报 of an edition). */
  longImage?: boolean;
}
