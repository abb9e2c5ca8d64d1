/**
 * ask-resources.json as the pinned ask-cli (2.30.7) reads it: its own resources-config model loads the
 * file, and its own Lambda deployer turns the userConfig into the function it would create, with the
 * AWS client replaced so nothing leaves the machine. Also: the bundle targets the runtime deployed, and
 * on Windows ask-cli finds hooks/build.ps1 rather than zipping raw TypeScript.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lambdaBuildOptions } from '../tools/bundle';
import { REPO_ROOT } from '../tools/content/load';

interface FunctionConfig {
  runtime?: string;
  handler?: string;
  memorySize?: number;
  timeout?: number;
  environmentVariables?: Record<string, string>;
}

const created: { name: string; config: FunctionConfig }[] = [];
const NOT_SENT = 'stopped before AWS: the test has what it needs';

// The deployer's AWS Lambda client, replaced: it records what ask-cli would send and stops there.
jest.mock('ask-cli/dist/lib/clients/aws-client/lambda-client', () => ({
  __esModule: true,
  default: class {
    createLambdaFunction(name: string, config: FunctionConfig) {
      created.push({ name, config });
      return Promise.reject(new Error(NOT_SENT));
    }
  },
}));

// ask-cli ships JavaScript without type declarations; these are the parts used here.
interface AskResourcesConfig {
  getSkillInfraType(profile: string): string;
  getSkillInfraUserConfig(profile: string): Record<string, unknown>;
  getCodeSrcByRegion(profile: string, region: string): string;
}
type ResourcesConfigClass = (new (path: string) => AskResourcesConfig) & { dispose(): void };
type DeployLambdaFunction = (reporter: { updateStatus(s: string): void }, options: Record<string, unknown>, callback: (error: unknown) => void) => void;

/** ask-resources.json through ask-cli's own model, from a copy (the model writes .ask/ beside the file). */
function readWithAskCli(): AskResourcesConfig {
  const dir = mkdtempSync(join(tmpdir(), 'ask-resources-'));
  copyFileSync(join(REPO_ROOT, 'ask-resources.json'), join(dir, 'ask-resources.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ResourcesConfig = require('ask-cli/dist/lib/model/resources-config') as ResourcesConfigClass;
  ResourcesConfig.dispose();
  return new ResourcesConfig(join(dir, 'ask-resources.json'));
}

/** The function ask-cli's lambda-deployer would create from this userConfig (helper.js, _createLambdaFunction). */
async function functionAskCliWouldCreate(userConfig: Record<string, unknown>): Promise<FunctionConfig> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deployLambdaFunction } = require('ask-cli/dist/lib/builtins/deploy-delegates/lambda-deployer/helper') as { deployLambdaFunction: DeployLambdaFunction };
  const zip = join(mkdtempSync(join(tmpdir(), 'ask-zip-')), 'build.zip');
  writeFileSync(zip, 'zip');
  created.length = 0;
  const options = { profile: 'default', awsProfile: 'default', alexaRegion: 'default', awsRegion: 'eu-west-1', skillId: 'amzn1.ask.skill.test', skillName: 'SecondOpinionGuide' };
  const error = await new Promise((resolve) =>
    deployLambdaFunction({ updateStatus: () => undefined }, { ...options, code: { codeBuild: zip }, iamRoleArn: 'arn:aws:iam::0:role/x', userConfig, deployState: {} }, resolve),
  );
  expect(error).toEqual(new Error(NOT_SENT));
  expect(created).toHaveLength(1);
  return created[0].config;
}

test('ask-cli deploys the function with the memory, timeout, runtime, handler and environment the README promises', async () => {
  const resources = readWithAskCli();
  expect(resources.getSkillInfraType('default')).toBe('@ask-cli/lambda-deployer');
  expect(resources.getCodeSrcByRegion('default', 'default')).toBe('./lambda');
  const config = await functionAskCliWouldCreate(resources.getSkillInfraUserConfig('default'));
  expect(config).toMatchObject({ runtime: 'nodejs24.x', handler: 'index.handler', memorySize: 256, timeout: 8 });
  // SKILL_ID is filled in after the first deploy (README); the function needs no other variable.
  expect(config.environmentVariables).toEqual({ SKILL_ID: expect.any(String) as unknown });
});

test('the deployer lookup this test relies on does see a wrong key: top-level memorySize is ignored', async () => {
  const config = await functionAskCliWouldCreate({ runtime: 'nodejs24.x', handler: 'index.handler', memorySize: 256, timeout: 8 });
  // ask-cli's defaults (utils/constants.js, LAMBDA.DEFAULT_CONFIG), as the function deployed before the fix.
  expect(config).toMatchObject({ memorySize: 512, timeout: 15 });
});

test('the bundle targets the Node version of the deployed runtime', () => {
  const resources = JSON.parse(readFileSync(join(REPO_ROOT, 'ask-resources.json'), 'utf8')) as { profiles: { default: { skillInfrastructure: { userConfig: { runtime: string } } } } };
  const runtime = resources.profiles.default.skillInfrastructure.userConfig.runtime;
  expect(lambdaBuildOptions('in.ts', 'out.js').target).toBe(runtime.replace(/^nodejs(\d+)\.x$/, 'node$1'));
});

describe('the build hook ask-cli runs', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CustomBuildFlow = require('ask-cli/dist/lib/builtins/build-flows/custom') as {
    canHandle(): boolean;
    new (options: { cwd: string; src: string; buildFile: string; doDebug: boolean }): { execCommand(command: string): void; execute(callback: () => void): void };
  };

  function commandOn(platform: NodeJS.Platform): string | undefined {
    const realPlatform = process.platform;
    Object.defineProperty(process, 'platform', { value: platform });
    const cwd = jest.spyOn(process, 'cwd').mockReturnValue(REPO_ROOT);
    try {
      if (!CustomBuildFlow.canHandle()) return undefined;
      const flow = new CustomBuildFlow({ cwd: join(REPO_ROOT, '.ask', 'lambda'), src: './lambda', buildFile: 'C:\\work\\build.zip', doDebug: false });
      let command: string | undefined;
      flow.execCommand = (c) => (command = c);
      flow.execute(() => undefined);
      return command;
    } finally {
      cwd.mockRestore();
      Object.defineProperty(process, 'platform', { value: realPlatform });
    }
  }

  test('on Windows it runs hooks/build.ps1, which packages the bundle as build.sh does', () => {
    expect(commandOn('win32')).toBe(`PowerShell.exe -Command "& {& '${join(REPO_ROOT, 'hooks', 'build.ps1')}' 'C:\\work\\build.zip' $False }"`);
    expect(commandOn('linux')).toBe(`${join(REPO_ROOT, 'hooks', 'build.sh')} "C:\\work\\build.zip" false`);
    // Both hooks hand the zip path to the same packaging step (PowerShell itself isn't on this machine).
    const packaging = /npx tsx tools\/package-lambda\.ts "\$(OUT_FILE|OutFile)"/;
    for (const hook of ['build.sh', 'build.ps1']) expect(readFileSync(join(REPO_ROOT, 'hooks', hook), 'utf8')).toMatch(packaging);
  });
});
