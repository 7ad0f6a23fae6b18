// Types of dist-stamp.mjs for the tests (the script itself is plain JavaScript: bin/duban.js loads it without tsx).
export declare const ROOT: string;
export declare const SOURCE_DIR: string;
export declare const DIST_DIR: string;
export declare const STAMP_NAME: string;
export declare function sourceFingerprint(root?: string): string;
export declare function distFingerprint(dist?: string): string | null;
export declare function distIsFresh(root?: string): boolean;
