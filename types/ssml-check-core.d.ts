// ssml-check-core ships no type declarations; this covers the one function the checks use.
declare module 'ssml-check-core' {
  export function check(ssml: string, options?: { platform?: 'amazon' | 'google' | 'all'; locale?: string }): Promise<{ type: string; [key: string]: unknown }[] | undefined>;
}
