export declare const CHROMIUM_MISSING: string;
export declare const CHROMIUM_ARGS: string[];
export declare function chromiumPath(): string;
