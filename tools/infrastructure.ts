/**
 * The CloudFormation template ask-cli deploys (infrastructure/cfn-deployer/skill-stack.yaml), parsed as
 * CloudFormation reads it: the short-form tags (!Ref, !GetAtt, !Sub …) become their long forms
 * ({ Ref }, { 'Fn::GetAtt': [resource, attribute] } …), so checks compare plain data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ScalarTag, type CollectionTag } from 'yaml';
import { REPO_ROOT } from './content/load';

export const TEMPLATE_PATH = join(REPO_ROOT, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml');

export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface StackTemplate {
  AWSTemplateFormatVersion: string;
  Parameters: Record<string, { Type: string; Default?: string }>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Value: unknown }>;
}

const FUNCTIONS = ['Base64', 'Cidr', 'FindInMap', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Condition'];

/** Each short form, written as a scalar or a sequence (or, for a few, a mapping). */
const tags: (ScalarTag | CollectionTag)[] = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  // "!GetAtt Resource.Attribute" is the short form of ["Resource", "Attribute"].
  { tag: '!GetAtt', resolve: (value: string) => ({ 'Fn::GetAtt': value.split(/\.(.*)/s, 2) }) },
  { tag: '!GetAtt', collection: 'seq', resolve: (seq) => ({ 'Fn::GetAtt': seq.toJSON() as unknown }) },
  ...FUNCTIONS.flatMap((name): (ScalarTag | CollectionTag)[] => {
    const key = name === 'Condition' ? 'Condition' : `Fn::${name}`;
    return [
      { tag: `!${name}`, resolve: (value: string) => ({ [key]: value }) },
      { tag: `!${name}`, collection: 'seq', resolve: (seq) => ({ [key]: seq.toJSON() as unknown }) },
      { tag: `!${name}`, collection: 'map', resolve: (map) => ({ [key]: map.toJSON() as unknown }) },
    ];
  }),
];

export function parseTemplate(text: string): StackTemplate {
  return parse(text, { customTags: tags }) as StackTemplate;
}

export function loadTemplate(): StackTemplate {
  return parseTemplate(readFileSync(TEMPLATE_PATH, 'utf8'));
}

/** The function's environment as the stack sets it (tools/bench.ts starts the bundle with it). */
export function functionEnvironment(template = loadTemplate()): Record<string, unknown> {
  const fn = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::Function');
  return (fn?.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
}
