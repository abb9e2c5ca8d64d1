/**
 * `npm run eval`: plays case files through the real skill in both console routing modes and prints how
 * it did: turns answered right, the share of answered turns whose key fact ("lead") comes in the first 25
 * words, and reply length in words (median and p90).
 *
 *   npm run eval                       test/fixtures/understanding.yaml (tuning and test parts), the second
 *                                      to sixth blind fixtures understanding-tuning*.yaml (tuning only), and every
 *                                      case file in ../shared/dev-cases/ when it is there
 *   npm run eval -- FILE [FILE …]      these case files (JSON or YAML, the dev-cases format)
 *   npm run eval -- --misses           also list the tuning part's misses and late leads (never the test part's)
 *
 * Case format: {"cases": [{"id", "turns": [{"say", "any", "none", "lead", "notLead", "end"}]}]}; a case
 * is one session, its turns said in order. The understanding fixture is split once, by position: every
 * third case from the first is for tuning; the rest is the test part, never tuned on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createSkill } from '../lambda/skill';
import { MODEL_PATH } from './build-content';
import { REPO_ROOT } from './content/load';
import { Resolver, type Routing } from './local/resolver';
import { LocalSession } from './local/session';
import type { InteractionModel } from './model/build-model';

export interface CaseTurn {
  say: string;
  any?: string[];
  none?: string[];
  lead?: string[];
  notLead?: string[];
  end?: boolean;
}
export interface Case {
  id: string;
  turns: CaseTurn[];
}

export interface Figures {
  turns: number;
  right: number;
  /** Turns with a `lead` expectation that were otherwise answered right, and those whose lead came first. */
  withLead: number;
  leadFirst: number;
  words: number[];
  misses: string[];
  /** Turns answered right whose key fact came after the first 25 words. */
  late: string[];
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const has = (text: string, needle: string) => text.toLowerCase().includes(needle.toLowerCase());

export async function playCases(cases: Case[], routing: Routing, model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as InteractionModel): Promise<Figures> {
  process.env.SKILL_LOG = 'off';
  const resolver = new Resolver(model, routing);
  const skill = createSkill();
  const figures: Figures = { turns: 0, right: 0, withLead: 0, leadFirst: 0, words: [], misses: [], late: [] };
  for (const c of cases) {
    const session = new LocalSession((envelope) => skill.invoke(envelope));
    for (const turn of c.turns) {
      figures.turns++;
      const resolution = resolver.resolve(turn.say);
      if (resolution.kind === 'empty') continue;
      const heard = await session.play(resolution);
      const speech = heard.speech;
      const first25 = words(speech).slice(0, 25).join(' ');
      const problems: string[] = [];
      if (turn.any && !turn.any.some((a) => has(speech, a))) problems.push(`none of [${turn.any.join(', ')}]`);
      if (turn.none?.some((n) => has(speech, n))) problems.push(`said one of [${turn.none.join(', ')}]`);
      if (turn.notLead?.some((n) => has(first25, n))) problems.push(`led with one of [${turn.notLead.join(', ')}]`);
      if (turn.end !== undefined && turn.end !== heard.endSession) problems.push(turn.end ? 'session kept open' : 'session ended');
      figures.words.push(words(speech).length);
      if (!problems.length) {
        figures.right++;
        if (turn.lead) {
          figures.withLead++;
          if (turn.lead.some((l) => has(first25, l))) figures.leadFirst++;
          else figures.late.push(`${c.id}: U: ${turn.say} → lead one of [${turn.lead.join(', ')}] after word 25 | A: ${speech.slice(0, 200)}`);
        }
      } else figures.misses.push(`${c.id}: U: ${turn.say} → ${resolution.kind === 'intent' ? resolution.intent.name : resolution.kind}: ${problems.join('; ')} | A: ${speech.slice(0, 120)}`);
    }
  }
  return figures;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
};
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');

export function summary(name: string, routing: Routing, f: Figures): string {
  return `${name.padEnd(34)} ${routing.padEnd(9)} right ${pct(f.right, f.turns).padStart(7)} (${f.right}/${f.turns})  lead in 25 words ${pct(f.leadFirst, f.withLead).padStart(7)}  words median ${quantile(f.words, 0.5)}, p90 ${quantile(f.words, 0.9)}`;
}

function readCases(file: string): Case[] {
  const data = parse(readFileSync(file, 'utf8')) as { cases: Case[] };
  return data.cases;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const showMisses = args.includes('--misses');
  const files = args.filter((a) => !a.startsWith('--'));
  const sets: { name: string; cases: Case[]; showMisses: boolean }[] = [];
  if (files.length) {
    for (const file of files) sets.push({ name: file, cases: readCases(file), showMisses });
  } else {
    const fixture = readCases(join(REPO_ROOT, 'test', 'fixtures', 'understanding.yaml'));
    sets.push({ name: 'understanding fixture, tuning part', cases: fixture.filter((_, i) => i % 3 === 0), showMisses });
    sets.push({ name: 'understanding fixture, test part', cases: fixture.filter((_, i) => i % 3 !== 0), showMisses: false });
    // A second blind fixture, written later by another author, for tuning only: it has no test part.
    sets.push({ name: 'second blind fixture (tuning only)', cases: readCases(join(REPO_ROOT, 'test', 'fixtures', 'understanding-tuning.yaml')), showMisses });
    // A third, by a third author, also for tuning only.
    sets.push({ name: 'third blind fixture (tuning only)', cases: readCases(join(REPO_ROOT, 'test', 'fixtures', 'understanding-tuning-3.yaml')), showMisses });
    // A fourth, by a fourth author (2026-12-03), also for tuning only.
    sets.push({ name: 'fourth blind fixture (tuning only)', cases: readCases(join(REPO_ROOT, 'test', 'fixtures', 'understanding-tuning-4.yaml')), showMisses });
    // A fifth, by a fifth author (2026-12-03, session 31), also for tuning only.
    sets.push({ name: 'fifth blind fixture (tuning only)', cases: readCases(join(REPO_ROOT, 'test', 'fixtures', 'understanding-tuning-5.yaml')), showMisses });
    // A sixth, by a sixth author (2026-12-04, session 32), also for tuning only.
    sets.push({ name: 'sixth blind fixture (tuning only)', cases: readCases(join(REPO_ROOT, 'test', 'fixtures', 'understanding-tuning-6.yaml')), showMisses });
    // A seventh, by a seventh author (2026-12-04, session 34), also for tuning only.
    sets.push({ name: 'seventh blind fixture (tuning only)', cases: readCases(join(REPO_ROOT, 'test', 'fixtures', 'understanding-tuning-7.yaml')), showMisses });
    const devDir = join(REPO_ROOT, '..', 'shared', 'dev-cases');
    if (existsSync(devDir)) {
      for (const file of readdirSync(devDir).filter((f) => f.endsWith('.json'))) sets.push({ name: `dev-cases/${file}`, cases: readCases(join(devDir, file)), showMisses: false });
    }
  }
  for (const set of sets) {
    for (const routing of ['device', 'catch-all'] as Routing[]) {
      const figures = await playCases(set.cases, routing);
      console.log(summary(set.name, routing, figures));
      if (set.showMisses) {
        for (const miss of figures.misses) console.log(`    miss: ${miss}`);
        for (const late of figures.late) console.log(`    late: ${late}`);
      }
    }
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
