/**
 * Bundles the Lambda with esbuild into build/lambda/index.js (+ source map): one minified CommonJS file,
 * content and search index inlined, nothing left to install. hooks/build.sh zips exactly this output.
 */
import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';
import { REPO_ROOT } from './content/load';

export const BUNDLE_DIR = join(REPO_ROOT, 'build', 'lambda');
export const BUNDLE_PATH = join(BUNDLE_DIR, 'index.js');

export const lambdaBuildOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  minify: true,
  sourcemap: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
});

export async function bundleLambda(): Promise<void> {
  await build(lambdaBuildOptions(join(REPO_ROOT, 'lambda', 'index.ts'), BUNDLE_PATH));
}
