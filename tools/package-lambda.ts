/**
 * Builds and zips the Lambda artefact ask-cli uploads: build/lambda/index.js and its source map at the
 * zip's root, so the handler is index.handler. Usage: tsx tools/package-lambda.ts <out.zip>
 */
import AdmZip from 'adm-zip';
import { join, resolve } from 'node:path';
import { buildContent } from './build-content';
import { BUNDLE_DIR, bundleLambda } from './bundle';

export async function packageLambda(outFile: string): Promise<string> {
  buildContent({ check: true });
  await bundleLambda();
  const zip = new AdmZip();
  zip.addLocalFile(join(BUNDLE_DIR, 'index.js'));
  zip.addLocalFile(join(BUNDLE_DIR, 'index.js.map'));
  const target = resolve(outFile);
  zip.writeZip(target);
  return target;
}

if (require.main === module) {
  packageLambda(process.argv[2] ?? 'build/lambda.zip')
    .then((file) => console.log(`packaged ${file}`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
