/**
 * `npm run bench`: cold start (require to first response) of the built bundle in fresh processes, against a
 * hello-world ask-sdk-core skill bundled the same way in the same run; warm latency; bundle size.
 * Budget: cold-start ratio ≤ 1.3, warm p99 < 1 ms, bundle < 400 KB. Reports figures; never fails on noise.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lambdaBuildOptions, BUNDLE_PATH } from './bundle';
import { REPO_ROOT } from './content/load';
import { intentRequest, launchRequest, requestEnvelope } from './local/envelope';

const RUNS = 15;
const WARM = 10_000;

async function helloWorldBundle(dir: string): Promise<string> {
  const entry = join(dir, 'hello.ts');
  writeFileSync(entry, `import { SkillBuilders } from 'ask-sdk-core';
const skill = SkillBuilders.custom().addRequestHandlers({ canHandle: () => true, handle: (i) => i.responseBuilder.speak('Hello').getResponse() }).create();
export const handler = async (event: any, context: any) => skill.invoke(event, context);`);
  const out = join(dir, 'hello.js');
  await build({ ...lambdaBuildOptions(entry, out), nodePaths: [join(REPO_ROOT, 'node_modules')] });
  return out;
}

const launch = requestEnvelope(launchRequest(), { id: 's', isNew: true, attributes: {} });
const coldScript = (file: string) => `const t0 = process.hrtime.bigint();
const { handler } = require(${JSON.stringify(file)});
handler(${JSON.stringify(launch)}, {}).then(() => process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6)));`;

function coldStart(file: string): number {
  const env = { PATH: process.env.PATH, SKILL_LOG: 'off' };
  return Number(execFileSync(process.execPath, ['-e', coldScript(file)], { env }).toString());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function main(): Promise<void> {
  process.env.SKILL_LOG = 'off';
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const hello = await helloWorldBundle(dir);
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so machine noise hits both alike.
    ours.push(coldStart(BUNDLE_PATH));
    base.push(coldStart(hello));
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(BUNDLE_PATH);
  const topic = requestEnvelope(intentRequest({ name: 'QuestionsToAskIntent', confirmationStatus: 'NONE' }), { id: 's', isNew: false, attributes: {} });
  const query = requestEnvelope(intentRequest({ name: 'QueryIntent', confirmationStatus: 'NONE', slots: { query: { name: 'query', value: 'can my husband ring them for me', confirmationStatus: 'NONE' } } }), { id: 's', isNew: false, attributes: {} });
  for (let i = 0; i < 500; i++) await handler(i % 2 ? topic : query, {});
  const times: number[] = [];
  for (let i = 0; i < WARM; i++) {
    const t0 = process.hrtime.bigint();
    await handler(i % 2 ? topic : query, {});
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const size = statSync(BUNDLE_PATH).size / 1024;
  const ratio = median(ours) / median(base);
  console.log(`cold start (require → first response, median of ${RUNS} fresh processes):`);
  console.log(`  second-opinion-guide ${median(ours).toFixed(1)} ms   hello-world ask-sdk-core ${median(base).toFixed(1)} ms   ratio ${ratio.toFixed(2)} (budget ≤ 1.3)`);
  console.log(`warm latency over ${WARM} requests (topic + free question alternating): p50 ${percentile(times, 0.5).toFixed(3)} ms   p99 ${percentile(times, 0.99).toFixed(3)} ms (budget < 1 ms)`);
  console.log(`bundle build/lambda/index.js: ${size.toFixed(1)} KB (budget < 400 KB)`);
}

void main();
