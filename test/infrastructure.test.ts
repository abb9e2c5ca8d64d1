/**
 * The CloudFormation template `ask deploy` creates the stack from (infrastructure/cfn-deployer/skill-stack.yaml):
 * the function, its least-privilege role, the table that remembers listeners, its logs and Alexa's
 * permission, checked as data; and cfn-lint, AWS's linter, run on it where it is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_ATTRIBUTE, TTL_ATTRIBUTE } from '../lambda/memory/record';
import { loadTemplate, TEMPLATE_PATH, type Resource } from '../tools/infrastructure';

const template = loadTemplate();
const resources = Object.entries(template.Resources);
/** The one resource of a type, by its logical id. */
function only(type: string): [string, Resource] {
  const found = resources.filter(([, r]) => r.Type === type);
  expect(found.map(([id]) => id)).toHaveLength(1);
  return found[0];
}
const [tableId, table] = only('AWS::DynamoDB::Table');
const [logGroupId] = only('AWS::Logs::LogGroup');
const [roleId, role] = only('AWS::IAM::Role');
const [functionId, fn] = only('AWS::Lambda::Function');
const ref = (id: string) => ({ Ref: id });
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  NotAction?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}
const statements = (document: unknown): Statement[] => (document as { Statement: Statement[] }).Statement;
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

test('the stack holds the function, its role, its table, its log group and Alexa’s permission, and nothing else', () => {
  expect(resources.map(([, r]) => r.Type).sort()).toEqual(['AWS::DynamoDB::Table', 'AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Lambda::Permission', 'AWS::Logs::LogGroup']);
});

test('the table: on demand, keyed and expiring as the skill reads and writes it, encrypted, with no backups', () => {
  expect(table.Properties).toEqual({
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: KEY_ATTRIBUTE, AttributeType: 'S' }],
    KeySchema: [{ AttributeName: KEY_ATTRIBUTE, KeyType: 'HASH' }],
    TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    SSESpecification: { SSEEnabled: true },
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
  });
  // Deleting the stack deletes what was remembered: nothing about a listener outlives the skill.
  expect([table.DeletionPolicy, table.UpdateReplacePolicy]).toEqual(['Delete', 'Delete']);
});

test('the role: assumed by Lambda alone; get, put and delete on this table, and writes to its own logs, nothing more', () => {
  const properties = role.Properties!;
  expect(Object.keys(properties).sort()).toEqual(['AssumeRolePolicyDocument', 'Policies']);
  expect(statements(properties.AssumeRolePolicyDocument)).toEqual([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
  const granted = (properties.Policies as { PolicyDocument: unknown }[]).flatMap((policy) => statements(policy.PolicyDocument));
  for (const statement of granted) {
    expect(statement.Effect).toBe('Allow');
    expect(Object.keys(statement).sort()).toEqual(['Action', 'Effect', 'Resource']);
    expect(actions(statement).filter((action) => action.includes('*'))).toEqual([]);
  }
  const grants = granted.flatMap((statement) => actions(statement).map((action) => [action, statement.Resource]));
  expect(grants).toEqual([
    ['logs:CreateLogStream', arnOf(logGroupId)],
    ['logs:PutLogEvents', arnOf(logGroupId)],
    ['dynamodb:GetItem', arnOf(tableId)],
    ['dynamodb:PutItem', arnOf(tableId)],
    ['dynamodb:DeleteItem', arnOf(tableId)],
  ]);
});

test('the function: code, runtime and handler from ask-cli, its role and logs, 256 MB, 8 s, and the environment lambda/index.ts reads', () => {
  expect(fn.Properties).toMatchObject({
    Code: { S3Bucket: ref('CodeBucket'), S3Key: ref('CodeKey'), S3ObjectVersion: ref('CodeVersion') },
    Runtime: ref('LambdaRuntime'),
    Handler: ref('LambdaHandler'),
    Role: arnOf(roleId),
    MemorySize: 256,
    Timeout: 8,
    LoggingConfig: { LogGroup: ref(logGroupId) },
  });
  // The skill ID comes from ask-cli, so the function refuses other skills from the first deploy; the
  // local database endpoint is the console's alone.
  expect((fn.Properties!.Environment as { Variables: unknown }).Variables).toEqual({ SKILL_ID: ref('SkillId'), MEMORY_TABLE: ref(tableId) });
  const index = readFileSync(join(__dirname, '..', 'lambda', 'index.ts'), 'utf8');
  for (const name of ['SKILL_ID', 'MEMORY_TABLE']) expect(index).toContain(name);
});

test('Alexa may invoke the function for this skill only, and the stack hands ask-cli its ARN', () => {
  const [, permission] = only('AWS::Lambda::Permission');
  expect(permission.Properties).toEqual({ Action: 'lambda:InvokeFunction', FunctionName: arnOf(functionId), Principal: 'alexa-appkit.amazon.com', EventSourceToken: ref('SkillId') });
  // ask-cli reads this output by name (cfn-deployer/helper.js, _waitForStackDeploy).
  expect(template.Outputs.SkillEndpoint.Value).toEqual(arnOf(functionId));
});

test('every reference names a parameter, a resource or a pseudo parameter', () => {
  const names = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources)]);
  const problems: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'Ref' && typeof inner === 'string' && !names.has(inner) && !inner.startsWith('AWS::')) problems.push(`Ref ${inner}`);
        if (key === 'Fn::GetAtt' && Array.isArray(inner) && !names.has(String(inner[0]))) problems.push(`GetAtt ${String(inner[0])}`);
        if (key === 'Fn::Sub' && typeof inner === 'string')
          for (const [, name] of inner.matchAll(/\$\{([^}.]+)[^}]*\}/g)) if (!names.has(name) && !name.startsWith('AWS::')) problems.push(`Sub ${name}`);
        visit(inner);
      }
    }
  };
  visit(template);
  expect(problems).toEqual([]);
});

test('the template never asks ask-cli for skill messaging credentials (it would fetch them on every deploy)', () => {
  const text = readFileSync(TEMPLATE_PATH, 'utf8');
  // ask-cli's cfn-deployer fetches them when the template text mentions both parameter names.
  expect(text.includes('SkillClientId') && text.includes('SkillClientSecret')).toBe(false);
});

describe('cfn-lint', () => {
  const available = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;
  const lint = (file: string) => spawnSync('cfn-lint', ['--format', 'parseable', file], { encoding: 'utf8' });
  // cfn-lint is a Python tool, not an npm package: where it isn't installed (pip install cfn-lint), the
  // checks above still run, and these are reported as skipped rather than passed.
  const withLint = available ? test : test.skip;

  withLint('finds nothing wrong with the template', () => {
    const result = lint(TEMPLATE_PATH);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  withLint.each([
    ['a misspelt property (the table would get no TTL)', 'TimeToLiveSpecification:', 'TimeToLive:', 'E3002'],
    ['an IAM action DynamoDB does not have', 'dynamodb:GetItem', 'dynamodb:GetItems', 'W3037'],
  ])('does find a mistake: %s', (_label, from, to, rule) => {
    const broken = join(mkdtempSync(join(tmpdir(), 'cfn-')), 'broken.yaml');
    writeFileSync(broken, readFileSync(TEMPLATE_PATH, 'utf8').replace(from, to));
    const result = lint(broken);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain(`:${rule}:`);
  });
});
