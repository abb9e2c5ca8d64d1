/**
 * Bundles the Lambda with esbuild into build/lambda/index.js (+ source map): one minified CommonJS file,
 * content and search index inlined, requiring nothing but Node's built-ins. hooks/build.sh zips exactly
 * this output. Memory's DynamoDB calls are signed and marshalled by two small AWS packages bundled with
 * the rest (lambda/memory/dynamodb.ts says why not the AWS SDK the runtime provides).
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { REPO_ROOT } from './content/load';

export const BUNDLE_DIR = join(REPO_ROOT, 'build', 'lambda');
export const BUNDLE_PATH = join(BUNDLE_DIR, 'index.js');

/**
 * Emits the generated content and search index, and the screen's APL document, as `JSON.parse("…")`
 * rather than as object literals. V8 scans a string literal far faster than it parses the same data as
 * code, and this bundle is compiled on every cold start; the module still yields the same object, so
 * tests that import the JSON see no change.
 */
const generatedJsonAsString: Plugin = {
  name: 'generated-json-as-string',
  setup(build) {
    build.onLoad({ filter: /[\\/]lambda[\\/](generated[\\/][^\\/]+|speech[\\/]screen-document)\.json$/ }, async ({ path }) => {
      // Compacted first: the build writes its files compact already; the screen document is laid out for editors.
      const compact = JSON.stringify(JSON.parse(await readFile(path, 'utf8')));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(compact)});`, loader: 'js' };
    });
  },
};

export const lambdaBuildOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  minify: true,
  sourcemap: true,
  platform: 'node',
  // The Lambda runtime in ask-resources.json is nodejs24.x; a test keeps the two in step.
  target: 'node24',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [generatedJsonAsString],
  // ES modules first where a package ships both: esbuild can drop what isn't used only from those. The
  // SigV4 signer's CommonJS build drags in all of @smithy/core (143 KB, 17 ms to load; as ES modules
  // 15 KB, measured).
  mainFields: ['module', 'main'],
});

/** The bundle's Lambda handler, as the runtime calls it. */
export type BundledHandler = (event: RequestEnvelope, context?: object) => Promise<ResponseEnvelope>;

/** Loads a built bundle (build/lambda/index.js unless told otherwise) and returns its handler. */
export function loadBundle(path = BUNDLE_PATH): BundledHandler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path) as { handler: BundledHandler }).handler;
}

export async function bundleLambda(): Promise<void> {
  await build(lambdaBuildOptions(join(REPO_ROOT, 'lambda', 'index.ts'), BUNDLE_PATH));
}
