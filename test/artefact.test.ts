/**
 * The artefact ask-cli uploads: the zip hooks/build.sh makes, unpacked and run in a fresh Node process,
 * answering a LaunchRequest and a topic IntentRequest, and remembering the listener in a real database
 * between sessions. Also: the pinned ask-cli starts.
 */
import AdmZip from 'adm-zip';
import type { RequestEnvelope } from 'ask-sdk-model';
import { execFile, execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { content, fill } from '../lambda/content';
import { ssmlToPlainText } from '../lambda/speech/render';
import { intentRequest, launchRequest, requestEnvelope } from '../tools/local/envelope';
import { startLocalMemory } from '../tools/local/memory';
import { REPO_ROOT } from '../tools/content/load';

jest.setTimeout(120_000);

const work = mkdtempSync(join(tmpdir(), 'artefact-'));

test('hooks/build.sh writes a zip with index.js at its root, under 400 KB', () => {
  const zipFile = join(work, 'build.zip');
  // ask-cli runs the hook from its copy of lambda/ under .ask/, so run it from somewhere else too.
  execFileSync(join(REPO_ROOT, 'hooks', 'build.sh'), [zipFile, 'false'], { cwd: work, stdio: 'pipe' });
  const zip = new AdmZip(zipFile);
  expect(
    zip
      .getEntries()
      .map((e) => e.entryName)
      .sort(),
  ).toEqual(['index.js', 'index.js.map']);
  zip.extractAllTo(join(work, 'unzipped'));
  expect(statSync(join(work, 'unzipped', 'index.js')).size).toBeLessThan(400 * 1024);
});

test('the bundle requires nothing but Node built-ins: not even the AWS SDK the runtime provides', () => {
  const required = new Set([...readFileSync(join(work, 'unzipped', 'index.js'), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
  expect([...required].filter((name) => !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([]);
});

// Only the fields read below; the envelope is ask-sdk-model's ResponseEnvelope.
type Said = { response: { outputSpeech: { ssml: string }; shouldEndSession: boolean; reprompt: { outputSpeech: { ssml: string } } } };

/**
 * Plays requests through the unzipped bundle in a fresh Node process, carrying session attributes as a
 * device does, and returns the responses and the log lines. Nothing is on NODE_PATH: the zip must carry
 * all it needs. The table is named by MEMORY_TABLE as the stack names it.
 */
async function runArtefact(requests: RequestEnvelope[], memory: { tableName: string; endpoint: string }): Promise<{ out: Said[]; logs: Record<string, unknown>[] }> {
  const script = `
    const { handler } = require(${JSON.stringify(join(work, 'unzipped', 'index.js'))});
    (async () => {
      const out = [];
      for (const r of ${JSON.stringify(requests)}) {
        if (out.length) r.session.attributes = r.session.new ? {} : out[out.length - 1].sessionAttributes;
        out.push(await handler(r, {}));
      }
      process.stderr.write(JSON.stringify(out));
    })();`;
  const env = { PATH: process.env.PATH, SKILL_LOG: 'on', MEMORY_TABLE: memory.tableName, MEMORY_ENDPOINT: memory.endpoint };
  // Asynchronously: the test database answers from this process, so it must not be blocked meanwhile.
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-e', script], { env, cwd: work });
  return {
    out: JSON.parse(stderr) as Said[],
    logs: stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const first = { id: 'amzn1.echo-api.session.artefact-1', isNew: true, attributes: {} };
const second = { id: 'amzn1.echo-api.session.artefact-2', isNew: true, attributes: {} };
const questions = content.topics.find((t) => t.id === 'questions-to-ask')!;
// Two sessions: a launch and the questions, then a new session, as a device starts one after the first ended.
const twoSessions = () => [
  requestEnvelope(launchRequest(), first),
  requestEnvelope(intentRequest({ name: 'QuestionsToAskIntent', confirmationStatus: 'NONE' }), { ...first, isNew: false }),
  requestEnvelope(launchRequest(), second),
];

test('the unzipped bundle answers in a fresh Node process, and remembers the listener in the database', async () => {
  const memory = await startLocalMemory();
  try {
    const { out, logs } = await runArtefact(twoSessions(), memory);
    // The words come from content, so rewording a prompt doesn't break this.
    const { prompts } = content;
    expect(ssmlToPlainText(out[0].response.outputSpeech.ssml)).toContain(prompts.welcome);
    expect(out[0].response.shouldEndSession).toBe(false);
    expect(ssmlToPlainText(out[1].response.outputSpeech.ssml)).toContain(questions.shortAnswer);
    expect(ssmlToPlainText(out[1].response.reprompt.outputSpeech.ssml)).toBe(prompts.continue.reprompt);
    // The new session offers to carry on from the first question not yet read.
    const list = questions.list!;
    const where = fill(prompts.memory.resumeList, { list: list.many, item: list.one, from: content.speech.pacing.itemsPerTurn + 1, total: list.items.length });
    expect(ssmlToPlainText(out[2].response.outputSpeech.ssml)).toBe(`${prompts.memory.welcomeBack} ${where} ${prompts.memory.resumeOffer}`);
    expect(logs.map((l) => l.event)).toEqual(['request', 'request', 'request']);
  } finally {
    await memory.stop();
  }
});

test('with the database unreachable, the bundle answers every turn and logs the error code', async () => {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const { out, logs } = await runArtefact(twoSessions(), { tableName: 'second-opinion-guide-memory', endpoint: `http://127.0.0.1:${port}` });
  expect(ssmlToPlainText(out[0].response.outputSpeech.ssml)).toContain(content.prompts.welcome);
  expect(ssmlToPlainText(out[1].response.outputSpeech.ssml)).toContain(questions.shortAnswer);
  expect(ssmlToPlainText(out[2].response.outputSpeech.ssml)).toContain(content.prompts.welcome);
  const errors = logs.filter((l) => l.event === 'memory-error');
  expect(errors.map((l) => [l.op, l.error, l.code])).toEqual([
    ['load', 'Error', 'ECONNREFUSED'],
    ['save', 'Error', 'ECONNREFUSED'],
    ['load', 'Error', 'ECONNREFUSED'],
  ]);
  expect(JSON.stringify(logs)).not.toMatch(/127\.0\.0\.1|connect/);
});

test('the pinned ask-cli starts (npx ask --version)', () => {
  const version = execFileSync('npx', ['--no-install', 'ask', '--version'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  expect(version).toMatch(/^2\.30\.7$/);
});
