/** Types for scripts/manifest-url.js (plain CommonJS, so webpack.config.js can require it). */
export declare const DEV_ORIGIN: "https://localhost:3000";
export declare function normaliseBaseUrl(baseUrl: string): { base: string; origin: string };
export declare function rewriteManifest(xml: string, baseUrl: string): string;
