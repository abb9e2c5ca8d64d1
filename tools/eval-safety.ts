/**
 * `npm run eval:safety`: plays the later blind safety tables (test/fixtures/safety-tuning.yaml,
 * safety-tuning-3.yaml, safety-tuning-4.yaml, safety-tuning-5.yaml and safety-tuning-6.yaml, by other authors; tuning only: they have no test part, so
 * their misses may be read and tuned on) in both routing modes, and prints urgent recall, calm look-alikes kept calm (and, in
 * catch-all mode, answered from the guidance), the support panel where a table has one, and every miss.
 * The main table, with its test part, is test/safety.test.ts, which never prints test-part misses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Chat } from '../test/harness';
import { REPO_ROOT } from './content/load';
import { answeredFromGuidance, opensUrgent, supportAnswered, urgentHelped, type SupportRow } from './safety-checks';

interface Row {
  say: string;
  category?: string;
  any?: string[];
}

const CRISIS = new Set(['suicidal', 'self-harm', 'third-person-crisis', 'crisis-direct', 'crisis-indirect', 'crisis', 'someone-else-crisis']);
const TABLES = ['safety-tuning.yaml', 'safety-tuning-3.yaml', 'safety-tuning-4.yaml', 'safety-tuning-5.yaml', 'safety-tuning-6.yaml'];

async function main(): Promise<void> {
  process.env.SKILL_LOG = 'off';
  for (const file of TABLES) {
    const table = parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', file), 'utf8')) as { urgent: Row[]; calm: Row[]; support?: (SupportRow & Row)[] };
    for (const routing of ['device', 'catch-all'] as const) {
      const misses: string[] = [];
      const tally = new Map<string, [number, number]>();
      const count = (key: string, ok: boolean, miss: string) => {
        const [pass, total] = tally.get(key) ?? [0, 0];
        tally.set(key, [pass + (ok ? 1 : 0), total + 1]);
        if (!ok) misses.push(`${key}: ${miss}`);
      };
      for (const row of table.urgent) {
        const chat = new Chat(undefined, routing);
        const heard = await chat.user(row.say);
        const ok = urgentHelped(heard.speech, { chemo: (row.category ?? '').startsWith('chemo'), crisis: CRISIS.has(row.category ?? '') });
        count('urgent', ok, `${row.category}: ${row.say} → ${chat.lastIntent}: ${heard.speech.slice(0, 80)}`);
      }
      for (const row of table.calm) {
        const chat = new Chat(undefined, routing);
        const heard = await chat.user(row.say);
        count('calm kept', !opensUrgent(heard.speech), `${row.say} → ${chat.lastIntent}`);
        if (routing === 'catch-all' && row.any) count('calm answered', answeredFromGuidance(heard.speech, row.any), `${row.say} → ${chat.lastIntent}: ${heard.speech.slice(0, 80)}`);
      }
      for (const row of table.support ?? []) {
        const chat = new Chat(undefined, routing);
        const heard = await chat.user(row.say);
        count(row.kind, supportAnswered(row, heard.speech), `${row.say} → ${chat.lastIntent}: ${heard.speech.slice(0, 80)}`);
      }
      console.log(`${file} ${routing.padEnd(9)} ${[...tally].map(([key, [pass, total]]) => `${key} ${pass}/${total}`).join(', ')}`);
      for (const miss of misses) console.log(`    miss: ${miss}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
