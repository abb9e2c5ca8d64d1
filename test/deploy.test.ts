/**
 * ask-resources.json as the pinned ask-cli (2.30.7) reads it: its own resources-config model loads the
 * file, and its own CloudFormation deployer (@ask-cli/cfn-deployer) deploys our template, with its S3 and
 * CloudFormation steps replaced so nothing leaves the machine. Also: the bundle targets the runtime
 * deployed, and on Windows ask-cli finds hooks/build.ps1 rather than zipping raw TypeScript.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lambdaBuildOptions } from '../tools/bundle';
import { REPO_ROOT } from '../tools/content/load';
import { loadTemplate, TEMPLATE_PATH } from '../tools/infrastructure';

interface StackDeploy {
  templateBody: string;
  parameters: { ParameterKey: string; ParameterValue: string }[];
  capabilities: string[];
}
const deployed: StackDeploy[] = [];
const uploaded: { bucket: string; key: string; file: string }[] = [];
const ENDPOINT = 'arn:aws:lambda:eu-west-1:000000000000:function:test';

// The deployer's AWS steps (its helper.js), replaced: they record what ask-cli would send and answer as
// AWS would. Fetching skill credentials is not replaced: a template that asked for them would fail here.
jest.mock(
  'ask-cli/dist/lib/builtins/deploy-delegates/cfn-deployer/helper',
  () =>
    class {
      uploadToS3(bucket: string, key: string, file: string) {
        uploaded.push({ bucket, key, file });
        return Promise.resolve({ VersionId: 'version-1' });
      }
      deployStack(_stackId: string | undefined, _name: string, templateBody: string, parameters: StackDeploy['parameters'], capabilities: string[]) {
        deployed.push({ templateBody, parameters, capabilities });
        return Promise.resolve({ stackId: 'arn:aws:cloudformation:stack/test', stackInfo: { Outputs: [] }, endpointUri: ENDPOINT });
      }
      getSkillCredentials() {
        return Promise.reject(new Error('the template must not ask for skill messaging credentials'));
      }
    },
);
// The AWS profile ask-cli would read from ~/.ask/cli_config.
jest.mock('ask-cli/dist/lib/clients/aws-client/aws-util', () => ({ getAWSProfile: () => 'default' }));

// ask-cli ships JavaScript without type declarations; these are the parts used here.
interface AskResourcesConfig {
  getSkillInfraType(profile: string): string;
  getSkillInfraUserConfig(profile: string): Record<string, unknown>;
  getCodeSrcByRegion(profile: string, region: string): string;
}
type ResourcesConfigClass = (new (path: string) => AskResourcesConfig) & { dispose(): void };
interface DeployProgress {
  isAllStepSuccess: boolean;
  resultMessage: string;
  endpoint?: { uri: string };
}
type Invoke = (reporter: { updateStatus(s: string): void }, options: Record<string, unknown>, callback: (error: unknown, progress: DeployProgress) => void) => void;

/** ask-resources.json through ask-cli's own model, from a copy (the model writes .ask/ beside the file). */
function readWithAskCli(): AskResourcesConfig {
  const dir = mkdtempSync(join(tmpdir(), 'ask-resources-'));
  copyFileSync(join(REPO_ROOT, 'ask-resources.json'), join(dir, 'ask-resources.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ResourcesConfig = require('ask-cli/dist/lib/model/resources-config') as ResourcesConfigClass;
  ResourcesConfig.dispose();
  return new ResourcesConfig(join(dir, 'ask-resources.json'));
}

/** What ask-cli's cfn-deployer does with this userConfig (index.js, invoke), run from the repository root as `ask deploy` is. */
async function deployWithAskCli(userConfig: Record<string, unknown>): Promise<DeployProgress> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { invoke } = require('ask-cli/dist/lib/builtins/deploy-delegates/cfn-deployer') as { invoke: Invoke };
  const zip = join(mkdtempSync(join(tmpdir(), 'ask-zip-')), 'build.zip');
  writeFileSync(zip, 'zip');
  deployed.length = 0;
  uploaded.length = 0;
  const options = { profile: 'default', alexaRegion: 'default', skillId: 'amzn1.ask.skill.test', skillName: 'SecondOpinionGuide', deployRegions: { default: 'eu-west-1' } };
  const cwd = process.cwd();
  process.chdir(REPO_ROOT);
  try {
    return await new Promise<DeployProgress>((resolve) =>
      invoke({ updateStatus: () => undefined }, { ...options, code: { codeBuild: zip }, userConfig, deployState: {} }, (_error, progress) => resolve(progress)),
    );
  } finally {
    process.chdir(cwd);
  }
}

test('ask-cli deploys our CloudFormation template, passing only parameters it declares and every one it needs', async () => {
  const resources = readWithAskCli();
  expect(resources.getSkillInfraType('default')).toBe('@ask-cli/cfn-deployer');
  expect(resources.getCodeSrcByRegion('default', 'default')).toBe('./lambda');
  const progress = await deployWithAskCli(resources.getSkillInfraUserConfig('default'));
  expect(progress).toMatchObject({ isAllStepSuccess: true, endpoint: { uri: ENDPOINT } });
  expect(uploaded).toHaveLength(1);
  expect(deployed).toHaveLength(1);
  const [stack] = deployed;
  expect(stack.templateBody).toBe(readFileSync(TEMPLATE_PATH, 'utf8'));
  // CloudFormation refuses a parameter the template doesn't declare, and one it declares without a default that isn't given.
  const declared = loadTemplate().Parameters;
  const passed = Object.fromEntries(stack.parameters.map((p) => [p.ParameterKey, p.ParameterValue]));
  expect(Object.keys(passed).filter((key) => !Object.hasOwn(declared, key))).toEqual([]);
  expect(Object.keys(declared).filter((key) => declared[key].Default === undefined && !Object.hasOwn(passed, key))).toEqual([]);
  expect(passed).toMatchObject({ SkillId: 'amzn1.ask.skill.test', LambdaRuntime: 'nodejs24.x', LambdaHandler: 'index.handler', CodeKey: 'endpoint/build.zip', CodeVersion: 'version-1' });
  // CAPABILITY_IAM, which ask-cli always adds, is enough: the role is not named.
  expect(stack.capabilities).toEqual(['CAPABILITY_IAM']);
});

test('the deployer this test relies on does fail a deploy: a template path that is missing', async () => {
  const progress = await deployWithAskCli({ runtime: 'nodejs24.x', handler: 'index.handler', awsRegion: 'eu-west-1' });
  expect(progress.isAllStepSuccess).toBe(false);
  expect(progress.resultMessage).toContain('template path');
  expect(deployed).toHaveLength(0);
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
