/**
 * The artefact ask-cli uploads: the zip hooks/build.sh makes, unpacked and run in a fresh Node process,
 * answering a LaunchRequest and a topic IntentRequest. Also: the pinned ask-cli starts.
 */
import AdmZip from 'adm-zip';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { content } from '../lambda/content';
import { ssmlToPlainText } from '../lambda/speech/render';
import { intentRequest, launchRequest, requestEnvelope } from '../tools/local/envelope';
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

test('the unzipped bundle answers in a fresh Node process', () => {
  const session = { id: 'amzn1.echo-api.session.artefact', isNew: true, attributes: {} };
  const requests = [requestEnvelope(launchRequest(), session), requestEnvelope(intentRequest({ name: 'QuestionsToAskIntent', confirmationStatus: 'NONE' }), { ...session, isNew: false })];
  const script = `
    const { handler } = require(${JSON.stringify(join(work, 'unzipped', 'index.js'))});
    (async () => {
      const out = [];
      for (const r of ${JSON.stringify(requests)}) out.push(await handler(r, {}));
      process.stdout.write(JSON.stringify(out));
    })();`;
  // Only the fields read below; the envelope is ask-sdk-model's ResponseEnvelope.
  type Said = { response: { outputSpeech: { ssml: string }; shouldEndSession: boolean; reprompt: { outputSpeech: { ssml: string } } } };
  const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH, SKILL_LOG: 'off' } }).toString()) as Said[];
  // The words come from content, so rewording a prompt doesn't break this.
  expect(ssmlToPlainText(out[0].response.outputSpeech.ssml)).toContain(content.prompts.welcome);
  expect(out[0].response.shouldEndSession).toBe(false);
  const questions = content.topics.find((t) => t.id === 'questions-to-ask')!;
  expect(ssmlToPlainText(out[1].response.outputSpeech.ssml)).toContain(questions.shortAnswer);
  expect(ssmlToPlainText(out[1].response.reprompt.outputSpeech.ssml)).toBe(content.prompts.continue.reprompt);
});

test('the pinned ask-cli starts (npx ask --version)', () => {
  const version = execFileSync('npx', ['--no-install', 'ask', '--version'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  expect(version).toMatch(/^2\.30\.7$/);
});
