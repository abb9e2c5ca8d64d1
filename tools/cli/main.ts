/**
 * `npm start`: talk to the skill in the terminal, with no Amazon account and no network.
 * Typed words are resolved against skill-package/interactionModels/custom/en-GB.json (as Alexa would) and
 * sent as real request envelopes to the built bundle, build/lambda/index.js: the code that runs on Lambda.
 *
 *   npm start                                   interactive; type "open second opinion guide" to begin
 *   npm start -- --say "who helps in Wales" --say next [--json] [--verbose] [--speak] [--wav DIR]
 *   npm start -- --catch-all                    words that match no sample go to QueryIntent with the words
 *   npm start -- --memory .memory               keep memory in a folder between console runs (git-ignored)
 *   npm start -- --no-memory                    remember nothing, as before a listener's first visit
 *
 * Memory: the console starts its own DynamoDB-compatible database (dynalite, on 127.0.0.1), in memory
 * unless --memory names a folder, and points the bundle at it, so consecutive sessions in one run
 * remember the listener: say "stop", then "open second opinion guide", and it offers to carry on.
 *   npm start -- --screen                       an Echo Show: each turn's screen as a text preview; type
 *                                               "touch next" (or back, repeat) to press a button
 *
 * Routing: by default, words that match no sample go where a real device sends them, to
 * AMAZON.FallbackIntent with no words. --catch-all is the optimistic case, as if a catch-all slot caught
 * them. --verbose shows which route each line took.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Intent, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { MODEL_PATH } from '../build-content';
import { loadBundle } from '../bundle';
import type { InteractionModel } from '../model/build-model';
import { startLocalMemory, type LocalMemory } from '../local/memory';
import { Resolver, type Resolution, type Routing } from '../local/resolver';
import { LocalSession, type Heard } from '../local/session';
import { screenPreview } from './screen-preview';

export interface Options {
  say: string[];
  json: boolean;
  verbose: boolean;
  speak: boolean;
  wavDir?: string;
  routing: Routing;
  /** 'memory' (this run only), a folder to keep it in, or 'off'. */
  memory: 'memory' | 'off' | { path: string };
  /** Play the device as an Echo Show: APL declared, and each turn's screen previewed as text. */
  screen: boolean;
}

export function parseArgs(argv: string[]): Options {
  const options: Options = { say: [], json: false, verbose: false, speak: false, routing: 'device', memory: 'memory', screen: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--say') options.say.push(argv[++i] ?? '');
    else if (arg === '--json') options.json = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--catch-all') options.routing = 'catch-all';
    else if (arg === '--screen') options.screen = true;
    else if (arg === '--no-memory') options.memory = 'off';
    else if (arg === '--memory') {
      const path = argv[++i];
      if (!path) throw new Error('--memory needs a folder, e.g. --memory .memory');
      options.memory = { path };
    } else if (arg === '--speak') options.speak = true;
    else if (arg === '--wav') {
      options.wavDir = argv[++i];
      options.speak = true;
    } else if (arg === '--help' || arg === '-h') {
      console.log(
        readFileSync(__filename, 'utf8')
          .split('*/')[0]
          .replace(/^\/\*\*?|^ \* ?/gm, ''),
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${arg} (try --help)`);
  }
  return options;
}

export interface TurnRecord {
  say: string;
  intent: string;
  slots: Record<string, { value?: string; id?: string; status?: string }>;
  speech: string;
  reprompt: string | null;
  card: { title: string; content: string } | null;
  /** What a screen shows, as a text preview (with --screen), else null. */
  screen: string | null;
  endSession: boolean;
}

function slotSummary(intent: Intent | undefined): TurnRecord['slots'] {
  const slots: TurnRecord['slots'] = {};
  for (const [name, slot] of Object.entries(intent?.slots ?? {})) {
    const authority = slot.resolutions?.resolutionsPerAuthority?.[0];
    slots[name] = {
      ...(slot.value !== undefined ? { value: slot.value } : {}),
      ...(authority?.values?.[0]?.value.id ? { id: authority.values[0].value.id } : {}),
      ...(authority ? { status: authority.status.code } : {}),
    };
  }
  return slots;
}

/** "touch next", "touch back": a press on the button with that label (or action) on the last screen. */
const TOUCH = /^touch\s+(\w+)$/i;

function touchedAction(said: string, last: Heard | undefined): string | undefined {
  const word = TOUCH.exec(said.trim())?.[1].toLowerCase();
  if (!word) return undefined;
  const button = last?.screen?.buttons.find((b) => b.label.toLowerCase() === word || b.action === word);
  return button?.action ?? word;
}

let lastHeard: Heard | undefined;

/** Plays one typed line: resolves it (or presses a button), sends it, and returns what happened. */
export async function playTurn(said: string, resolver: Resolver, session: LocalSession): Promise<{ record: TurnRecord; resolution: Resolution; heard?: Heard }> {
  const touched = touchedAction(said, lastHeard);
  const resolution: Resolution = touched ? { kind: 'empty' } : resolver.resolve(said);
  const blank = { say: said, intent: '', slots: {}, speech: '', reprompt: null, card: null, screen: null, endSession: !session.inSession };
  if (!touched && resolution.kind === 'empty') return { record: blank, resolution };
  const heard = touched ? await session.touch(touched) : await session.play(resolution as Exclude<Resolution, { kind: 'empty' }>);
  lastHeard = heard;
  const intent = resolution.kind === 'intent' ? resolution.intent : undefined;
  const record: TurnRecord = {
    say: said,
    intent: touched ? 'Alexa.Presentation.APL.UserEvent' : resolution.kind === 'launch' ? 'LaunchRequest' : intent!.name,
    slots: slotSummary(intent),
    speech: heard.speech,
    reprompt: heard.reprompt ?? null,
    card: heard.card ?? null,
    screen: heard.screen ? screenPreview(heard.screen) : null,
    endSession: heard.endSession,
  };
  return { record, resolution, heard };
}

function describe(resolution: Resolution, record: TurnRecord): string {
  if (record.intent === 'Alexa.Presentation.APL.UserEvent') return '  · a touch on the screen: an APL UserEvent';
  if (resolution.kind !== 'intent') return `  · resolved: ${resolution.kind}`;
  const how =
    resolution.how === 'near'
      ? `nearest sample "${resolution.sample}" (similarity ${resolution.similarity})`
      : resolution.how === 'exact'
        ? `sample "${resolution.sample}"`
        : resolution.how === 'similar'
          ? `most similar sample "${resolution.sample}" (similarity ${resolution.similarity})`
          : resolution.how === 'catch-all'
            ? 'no sample: catch-all route, words sent in the query slot'
            : 'no sample: device route, sent with no words';
  return `  · resolved: ${resolution.intent.name} by ${how}${resolution.oneShot ? ', one-shot' : ''}`;
}

function printTurn({ record, resolution }: { record: TurnRecord; resolution: Resolution }, options: Options): void {
  if (options.json) {
    console.log(JSON.stringify(record));
    return;
  }
  if (options.verbose) {
    console.log(describe(resolution, record));
    const slots = Object.entries(record.slots).map(([n, s]) => `${n}=${s.value ?? '∅'}${s.id ? `→${s.id}` : ''}${s.status && !s.id ? ` (${s.status})` : ''}`);
    if (slots.length) console.log(`  · slots: ${slots.join(', ')}`);
  }
  console.log(`A: ${record.speech}`);
  if (record.reprompt) console.log(`   (reprompt) ${record.reprompt}`);
  if (record.card && (options.verbose || options.screen)) console.log(`   [card: ${record.card.title}] ${record.card.content.replace(/\n/g, ' / ')}`);
  if (record.screen) console.log(record.screen);
  if (record.endSession) console.log('   (session ended: the next thing you say starts a new one)');
}

let turnNumber = 0;
function speak(heard: Heard | undefined, options: Options): void {
  if (!heard?.ssml) return;
  turnNumber++;
  const args = ['-v', 'en-gb', '-m', '-s', '160'];
  if (options.wavDir) {
    mkdirSync(options.wavDir, { recursive: true });
    args.push('-w', join(options.wavDir, `turn-${String(turnNumber).padStart(2, '0')}.wav`));
  }
  spawnSync('espeak-ng', [...args, heard.ssml], { stdio: 'ignore' });
}

function espeakAvailable(): boolean {
  return spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The built bundle, as Lambda loads it; with memory, pointed at the local database as the stack points it at its table. */
export function loadSkill(memory?: LocalMemory): (envelope: RequestEnvelope) => Promise<ResponseEnvelope> {
  process.env.SKILL_LOG ??= 'off';
  if (memory) {
    process.env.MEMORY_TABLE = memory.tableName;
    process.env.MEMORY_ENDPOINT = memory.endpoint;
  }
  return loadBundle();
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.speak && !espeakAvailable()) {
    console.error('--speak needs espeak-ng: install it with "sudo apt-get install espeak-ng" (Debian/Ubuntu) or "brew install espeak-ng" (macOS).');
    options.speak = false;
  }
  const resolver = new Resolver(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as InteractionModel, options.routing);
  const memory = options.memory === 'off' ? undefined : await startLocalMemory(options.memory === 'memory' ? {} : options.memory);
  try {
    await converse(options, resolver, new LocalSession(loadSkill(memory), undefined, { screen: options.screen }));
  } finally {
    await memory?.stop();
  }
}

async function converse(options: Options, resolver: Resolver, session: LocalSession): Promise<void> {
  if (options.say.length) {
    for (const said of options.say) {
      if (!options.json) console.log(`U: ${said}`);
      const turn = await playTurn(said, resolver, session);
      printTurn(turn, options);
      if (options.speak) speak(turn.heard, options);
    }
    return;
  }

  console.log('Second Opinion Guide, local console. Say "open second opinion guide" to begin, or ask a question.');
  console.log('Type "quit" (or press Ctrl+D) to leave the console; "stop" talks to the skill.');
  const remembers = options.memory === 'off' ? 'nothing (--no-memory)' : options.memory === 'memory' ? 'you until you quit (--memory DIR keeps it)' : `you in ${options.memory.path}`;
  console.log(`Memory: the skill remembers ${remembers}.\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'U: ' });
  rl.prompt();
  for await (const line of rl) {
    const said = line.trim();
    if (said === 'quit' || said === '.exit') break;
    if (said) {
      const turn = await playTurn(said, resolver, session);
      printTurn(turn, options);
      if (options.speak) speak(turn.heard, options);
    }
    rl.prompt();
  }
  rl.close();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
