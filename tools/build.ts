/** `npm run build`: compile content, then bundle the Lambda. */
import { statSync } from 'node:fs';
import { ContentError } from './content/load';
import { buildContent } from './build-content';
import { BUNDLE_PATH, bundleLambda } from './bundle';

async function main(): Promise<void> {
  const loaded = buildContent({ check: process.argv.includes('--check') });
  await bundleLambda();
  const kb = (statSync(BUNDLE_PATH).size / 1024).toFixed(1);
  console.log(`built ${loaded.compiled.topics.length} topics → build/lambda/index.js (${kb} KB)`);
}

main().catch((error) => {
  console.error(error instanceof ContentError ? error.message : error);
  process.exit(1);
});
