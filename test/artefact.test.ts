/**
 * The artefact ask-cli uploads: the zip hooks/build.sh makes, unpacked and run in a fresh Node process,
 * answering a LaunchRequest and a topic IntentRequest, and remembering the listener in a real database
 * between sessions. Also: the pinned ask-cli starts.
 */
import AdmZip from 'adm-zip';
import { execFile, execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { content, fill } from '../lambda/content';
import { ssmlToPlainText } from '../lambda/speech/render';
import { intentRequest, launchRequest, requestEnvelope } from '../tools/local/envelope';
import { startLocalMemory } from '../tools/local/memory';
import { REPO_ROOT } from '../tools/content/load';
import { RUNTIME_PROVIDED } from '../tools/bundle';

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

test('the bundle requires nothing but Node built-ins and the AWS SDK the runtime provides', () => {
  const required = new Set([...readFileSync(join(work, 'unzipped', 'index.js'), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
  const provided = (name: string) => builtinModules.includes(name.replace(/^node:/, '')) || RUNTIME_PROVIDED.some((pattern) => name.startsWith(pattern.replace('*', '')));
  expect([...required].filter((name) => !provided(name))).toEqual([]);
  // The SDK is required, so the runtime must provide exactly what package.json pins (README, Deploying).
  expect([...required].filter((name) => name.startsWith('@aws-sdk/')).sort()).toEqual(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']);
  const pinned = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  for (const name of ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']) expect(pinned[name]).toMatch(/^\d+\.\d+\.\d+$/);
});

test('the unzipped bundle answers in a fresh Node process, and remembers the listener in the database', async () => {
  const memory = await startLocalMemory();
  try {
    const first = { id: 'amzn1.echo-api.session.artefact-1', isNew: true, attributes: {} };
    const second = { id: 'amzn1.echo-api.session.artefact-2', isNew: true, attributes: {} };
    // The second session starts as a device would: a new session, after the first one ended.
    const requests = [
      requestEnvelope(launchRequest(), first),
      requestEnvelope(intentRequest({ name: 'QuestionsToAskIntent', confirmationStatus: 'NONE' }), { ...first, isNew: false }),
      requestEnvelope(launchRequest(), second),
    ];
    const script = `
      const { handler } = require(${JSON.stringify(join(work, 'unzipped', 'index.js'))});
      (async () => {
        const out = [];
        for (const r of ${JSON.stringify(requests)}) {
          if (out.length) r.session.attributes = r.session.new ? {} : out[out.length - 1].sessionAttributes;
          out.push(await handler(r, {}));
        }
        process.stdout.write(JSON.stringify(out));
      })();`;
    // As on Lambda: the AWS SDK is not in the zip but on NODE_PATH (the runtime's /var/runtime/node_modules;
    // here, this repository's node_modules, with the pinned version). The table is the one the stack names.
    const env = { PATH: process.env.PATH, SKILL_LOG: 'off', NODE_PATH: join(REPO_ROOT, 'node_modules'), MEMORY_TABLE: memory.tableName, MEMORY_ENDPOINT: memory.endpoint };
    // Asynchronously: the database answers from this process, so it must not be blocked while the bundle runs.
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { env, cwd: work });
    // Only the fields read below; the envelope is ask-sdk-model's ResponseEnvelope.
    type Said = { response: { outputSpeech: { ssml: string }; shouldEndSession: boolean; reprompt: { outputSpeech: { ssml: string } } } };
    const out = JSON.parse(stdout) as Said[];
    // The words come from content, so rewording a prompt doesn't break this.
    const { prompts } = content;
    expect(ssmlToPlainText(out[0].response.outputSpeech.ssml)).toContain(prompts.welcome);
    expect(out[0].response.shouldEndSession).toBe(false);
    const questions = content.topics.find((t) => t.id === 'questions-to-ask')!;
    expect(ssmlToPlainText(out[1].response.outputSpeech.ssml)).toContain(questions.shortAnswer);
    expect(ssmlToPlainText(out[1].response.reprompt.outputSpeech.ssml)).toBe(prompts.continue.reprompt);
    // The new session offers to carry on from the first question not yet read.
    const list = questions.list!;
    const where = fill(prompts.memory.resumeList, { list: list.many, item: list.one, from: content.speech.pacing.itemsPerTurn + 1, total: list.items.length });
    expect(ssmlToPlainText(out[2].response.outputSpeech.ssml)).toBe(`${prompts.memory.welcomeBack} ${where} ${prompts.memory.resumeOffer}`);
  } finally {
    await memory.stop();
  }
});

test('the pinned ask-cli starts (npx ask --version)', () => {
  const version = execFileSync('npx', ['--no-install', 'ask', '--version'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  expect(version).toMatch(/^2\.30\.7$/);
});
