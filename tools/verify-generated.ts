/**
 * `npm run verify`, the first step of `npm test`: fails when a committed generated file differs from what
 * content/ produces now. It must run before the build, which rewrites those files: a check after the
 * build compares the model with itself and always passes, so a content edit committed without its
 * regenerated model would reach Alexa with the old model. Generated in memory; nothing is written.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { committedGeneratedFiles } from './build-content';
import { ContentError, loadContent, REPO_ROOT } from './content/load';

/** The committed generated files under `root` that are missing or out of date, as paths relative to it. */
export function staleGeneratedFiles(root = REPO_ROOT): string[] {
  const loaded = loadContent('en-GB', join(root, 'content'));
  return Object.entries(committedGeneratedFiles(loaded, root))
    .filter(([file, text]) => {
      try {
        return readFileSync(file, 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([file]) => relative(root, file));
}

if (require.main === module) {
  try {
    const stale = staleGeneratedFiles();
    if (stale.length) {
      console.error(`Out of date with content/: ${stale.join(', ')}. Run npm run build and commit the result.`);
      process.exit(1);
    }
  } catch (error) {
    console.error(error instanceof ContentError ? error.message : error);
    process.exit(1);
  }
}
