/**
 * `npm run bench`: cold start of the built bundle against a hello-world ask-sdk-core skill bundled the same
 * way in the same run, warm per-request latency, and bundle size.
 * Budget: cold-start ratio ≤ 1.3, warm p99 < 1 ms, bundle < 400 KB. It reports; it never fails on noise.
 *
 * Ours starts as deployed: MEMORY_TABLE set, so the first request reads the listener's item, from
 * dynalite on 127.0.0.1 (a local round trip, not DynamoDB's: on Lambda add the network and TLS). A second
 * row starts it with no table, to show what the read itself costs. Warm latency is the skill's own work, without storage.
 *
 * Cold start is measured the way a Lambda runtime meets the code: a fresh Node process `require`s the bundle
 * from a file (init), then invokes the handler on a later turn of the event loop (first request). The
 * figure is init + first request. (`node -e` is avoided on purpose: Node finishes its own start-up work
 * inside the first request there, adding the same few milliseconds to both sides and flattering the ratio.)
 */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { lambdaBuildOptions, loadBundle, BUNDLE_PATH } from './bundle';
import { REPO_ROOT } from './content/load';
import { functionEnvironment } from './infrastructure';
import { intentRequest, launchRequest, requestEnvelope } from './local/envelope';
import { startLocalMemory } from './local/memory';

// Enough pairs that the median ratio moves by about ±0.03 between runs on a 2-core machine.
const COLD_RUNS = 81;
const WARM_REQUESTS = 10_000;

async function helloWorldBundle(dir: string): Promise<string> {
  const entry = join(dir, 'hello.ts');
  writeFileSync(
    entry,
    `import { SkillBuilders } from 'ask-sdk-core';
const skill = SkillBuilders.custom().addRequestHandlers({ canHandle: () => true, handle: (i) => i.responseBuilder.speak('Hello').getResponse() }).create();
export const handler = async (event: any, context: any) => skill.invoke(event, context);`,
  );
  const out = join(dir, 'hello.js');
  await build({ ...lambdaBuildOptions(entry, out), nodePaths: [join(REPO_ROOT, 'node_modules')] });
  return out;
}

// The skill logs one line per request in production, so logging stays on; stdout is opened before the
// clock starts, as the Lambda runtime has done before it loads a handler. The figures are the last line.
const COLD_RUNNER = `const { readFileSync } = require('node:fs');
const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
process.stdout.write('');
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
const t0 = process.hrtime.bigint();
const { handler } = require(bundle);
const init = ms(t0);
setImmediate(async () => {
  const t1 = process.hrtime.bigint();
  const reply = await handler(event, {});
  const first = ms(t1);
  if (!reply || !reply.response) throw new Error('no response');
  process.stdout.write('\\n' + JSON.stringify({ init, first }));
});`;

interface Cold {
  init: number;
  first: number;
}

/** NODE_OPTIONS as the stack deploys them (its template), so both sides start as the Lambda would. */
function deployedNodeOptions(): string | undefined {
  const options = functionEnvironment().NODE_OPTIONS;
  return typeof options === 'string' ? options : undefined;
}

/** One fresh process. Asynchronous, so the local database in this process can answer it. */
async function coldStart(runner: string, bundle: string, eventFile: string, env: NodeJS.ProcessEnv): Promise<Cold> {
  const { stdout } = await promisify(execFile)(process.execPath, [runner, bundle, eventFile], { env });
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as Cold;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function coldFigures(runs: Cold[]) {
  return { total: median(runs.map((r) => r.init + r.first)), init: median(runs.map((r) => r.init)), first: median(runs.map((r) => r.first)) };
}

async function main(): Promise<void> {
  const write = process.stdout.write.bind(process.stdout);
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const hello = await helloWorldBundle(dir);
  const runner = join(dir, 'cold-runner.js');
  writeFileSync(runner, COLD_RUNNER);
  const launchFile = join(dir, 'launch.json');
  writeFileSync(launchFile, JSON.stringify(requestEnvelope(launchRequest(), { id: 's', isNew: true, attributes: {} })));
  const questionFile = join(dir, 'question.json');
  const question = requestEnvelope(
    intentRequest({ name: 'QueryIntent', confirmationStatus: 'NONE', slots: { query: { name: 'query', value: 'can my husband ring them for me', confirmationStatus: 'NONE' } } }),
    { id: 's', isNew: true, attributes: {} },
  );
  writeFileSync(questionFile, JSON.stringify(question));

  const nodeOptions = deployedNodeOptions();
  const env = { PATH: process.env.PATH, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) };
  const memory = await startLocalMemory();
  const deployed = { ...env, MEMORY_TABLE: memory.tableName, MEMORY_ENDPOINT: memory.endpoint };
  const cold = (bundle: string, eventFile: string, withEnv: NodeJS.ProcessEnv = deployed) => coldStart(runner, bundle, eventFile, withEnv);

  // One discarded pair warms the file cache; then interleaved so machine noise hits both sides alike,
  // taking turns at going first so neither side always follows the other.
  await cold(BUNDLE_PATH, launchFile);
  await cold(hello, launchFile);
  const ours: Cold[] = [];
  const base: Cold[] = [];
  const oursQuestion: Cold[] = [];
  const oursNoTable: Cold[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    if (i % 2 === 0) {
      ours.push(await cold(BUNDLE_PATH, launchFile));
      base.push(await cold(hello, launchFile));
    } else {
      base.push(await cold(hello, launchFile));
      ours.push(await cold(BUNDLE_PATH, launchFile));
    }
    if (i % 4 === 0) oursQuestion.push(await cold(BUNDLE_PATH, questionFile));
    if (i % 4 === 2) oursNoTable.push(await cold(BUNDLE_PATH, launchFile, env));
  }
  await memory.stop();

  // Warm requests still build their log line; only the terminal is spared 10,000 of them.
  process.stdout.write = () => true;
  const handler = loadBundle();
  const topic = requestEnvelope(intentRequest({ name: 'QuestionsToAskIntent', confirmationStatus: 'NONE' }), { id: 's', isNew: false, attributes: {} });
  const query = { ...question, session: { ...question.session!, new: false } };
  for (let i = 0; i < 500; i++) await handler(i % 2 ? topic : query, {});
  const times: number[] = [];
  for (let i = 0; i < WARM_REQUESTS; i++) {
    const t0 = process.hrtime.bigint();
    await handler(i % 2 ? topic : query, {});
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }

  process.stdout.write = write;
  const o = coldFigures(ours);
  const b = coldFigures(base);
  // Each run of ours is paired with the hello-world run next to it, so drift in machine speed cancels.
  const ratios = ours.map((run, i) => (run.init + run.first) / (base[i].init + base[i].first));
  const q = coldFigures(oursQuestion);
  const size = statSync(BUNDLE_PATH).size / 1024;
  const n = coldFigures(oursNoTable);
  console.log(`cold start: require (init) + first LaunchRequest, median of ${COLD_RUNS} fresh Node ${process.version} processes, NODE_OPTIONS as deployed: ${nodeOptions ?? 'none'}`);
  console.log(`  second-opinion-guide      ${fmt(o.total)}  (init ${fmt(o.init)}, first response ${fmt(o.first)}; as deployed, reading memory from dynalite on 127.0.0.1)`);
  console.log(`    without a table         ${fmt(n.total)}  (init ${fmt(n.init)}, first response ${fmt(n.first)}; ${oursNoTable.length} runs: nothing is read)`);
  console.log(`  hello-world ask-sdk-core  ${fmt(b.total)}  (init ${fmt(b.init)}, first response ${fmt(b.first)})`);
  console.log(`  ratio ${median(ratios).toFixed(2)} (budget ≤ 1.3): median of ${COLD_RUNS} paired runs, middle half ${percentile(ratios, 0.25).toFixed(2)}–${percentile(ratios, 0.75).toFixed(2)}`);
  console.log(`  a free question as the first request: ${fmt(q.total)} (init ${fmt(q.init)}, first response ${fmt(q.first)}; ${oursQuestion.length} runs)`);
  console.log(
    `warm latency over ${WARM_REQUESTS} requests (topic + free question alternating): p50 ${percentile(times, 0.5).toFixed(3)} ms   p99 ${percentile(times, 0.99).toFixed(3)} ms (budget < 1 ms)`,
  );
  console.log(`bundle build/lambda/index.js: ${size.toFixed(1)} KB (budget < 400 KB)`);
}

void main();
