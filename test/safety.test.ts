/**
 * Urgent help and signposting, as a listener meets them. The tables in fixtures/safety.yaml were written
 * blind (from the guidance and a description of the listeners, never from the samples) and are played
 * through the real skill in both console routing modes:
 *   device     words that match no sample reach AMAZON.FallbackIntent with no words, as on a real device
 *   catch-all  they reach QueryIntent with the words (the optimistic case)
 * The rows are split once, by position (every third row, from the first, is for tuning), and the figures
 * are printed for each part: only the tuning part was looked at while writing the triage rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { content, fill } from '../lambda/content';
import { safetyLines } from '../lambda/dialogue/safety-turn';
import { triage } from '../lambda/understanding/triage';
import { compilePattern, padded } from '../lambda/understanding/patterns';
import { normalise, type Routing } from '../tools/local/resolver';
import { expandTemplate } from '../tools/model/expand';
import { createSkill } from '../lambda/skill';
import { answeredFromGuidance, first25, opensUrgent, supportAnswered, urgentHelped, type SupportRow } from '../tools/safety-checks';
import { Chat, expectAlexa, matched, model } from './harness';

interface UrgentRow {
  say: string;
  category: string;
  person: 'first' | 'third';
}
interface CalmRow {
  say: string;
  trap: string;
  any: string[];
}
const table = parse(readFileSync(join(__dirname, 'fixtures', 'safety.yaml'), 'utf8')) as { urgent: UrgentRow[]; calm: CalmRow[]; support: (SupportRow & { say: string })[] };

/** The one fixed split: row i is for tuning when i % 3 === 0, for testing otherwise. */
const part = (i: number) => (i % 3 === 0 ? 'tuning' : 'test');
const ROUTINGS: Routing[] = ['device', 'catch-all'];

const answers = content.safety;
const CRISIS = new Set(['crisis-direct', 'crisis-indirect', 'self-harm']);

const skill = createSkill();
async function say(words: string, routing: Routing) {
  const chat = new Chat(skill, routing);
  const heard = await chat.user(words);
  return { heard, intent: chat.lastIntent };
}

interface Tally {
  [key: string]: { pass: number; total: number; misses: string[] };
}
function count(tally: Tally, key: string, ok: boolean, what: string) {
  tally[key] ??= { pass: 0, total: 0, misses: [] };
  tally[key].total++;
  if (ok) tally[key].pass++;
  // Only the tuning part's misses are shown: reading the test part's would be tuning on it.
  else if (key.includes('(tuning)')) tally[key].misses.push(what);
  else tally[key].misses.push('(a test-part row)');
}
const percent = ({ pass, total }: { pass: number; total: number }) => (total ? (100 * pass) / total : 100);
const report = (title: string, tally: Tally) =>
  `${title}\n${Object.entries(tally)
    .map(
      ([key, t]) =>
        `  ${key.padEnd(42)} ${percent(t).toFixed(1).padStart(5)} % (${t.pass}/${t.total})${
          t.misses.filter((m) => !m.startsWith('(')).length
            ? `\n${t.misses
                .filter((m) => !m.startsWith('('))
                .map((m) => `      miss: ${m}`)
                .join('\n')}`
            : ''
        }`,
    )
    .join('\n')}`;

describe('the safety tables measure generalisation, not recall of samples', () => {
  test('no row of the tables is a sample of the interaction model', () => {
    const samples = new Set<string>(model().interactionModel.languageModel.intents.flatMap((i: { samples: string[] }) => i.samples.flatMap(expandTemplate).map((s: string) => normalise(s))));
    const rows = [...table.urgent, ...table.calm, ...table.support].map((r) => r.say);
    expect(rows.filter((said) => samples.has(normalise(said)))).toEqual([]);
  });
});

describe('urgent help and calm look-alikes, played in both routing modes', () => {
  test.each(ROUTINGS)('%s routing: urgent recall 100 %%; calm look-alikes never opened with the urgent script', async (routing) => {
    const tally: Tally = {};
    for (const [i, row] of table.urgent.entries()) {
      const { heard, intent } = await say(row.say, routing);
      const helped = urgentHelped(heard.speech, { chemo: row.category === 'chemo', crisis: CRISIS.has(row.category) });
      const where = `${row.category} [${part(i)}] "${row.say}" → ${intent}: ${heard.speech.slice(0, 90)}`;
      count(tally, `urgent recall (${part(i)})`, helped && !heard.endSession, where);
      count(tally, `urgent routed to its own answer, not the fallback (${part(i)})`, intent !== 'AMAZON.FallbackIntent', where);
    }
    for (const [i, row] of table.calm.entries()) {
      const { heard, intent } = await say(row.say, routing);
      const where = `${row.trap} [${part(i)}] "${row.say}" → ${intent}: ${heard.speech.slice(0, 90)}`;
      count(tally, `calm not opened with the urgent script (${part(i)})`, !opensUrgent(heard.speech), where);
      count(tally, `calm answered from the guidance (${part(i)})`, answeredFromGuidance(heard.speech, row.any), where);
    }
    console.info(report(`Safety table, ${routing} routing (${table.urgent.length} urgent, ${table.calm.length} calm):`, tally));
    expectFloors(tally, routing);
  });
});

/**
 * What each figure must not fall below: the figures measured when the rules were last tuned (on the tuning
 * parts and the later blind tables only), rounded down, so a change that loses ground fails. Issue 12's
 * targets are higher: urgent recall 100 %, calm never opened with the urgent script 95 %, calm answered
 * from the guidance 90 % (catch-all).
 * Measured 2026-12-01, after 713 blind urgent and support samples, 1,200 more passage questions (250 of
 * them calm uses of frightening words) and the triage rules tuned on the third blind table
 * and then on the fourth (device / catch-all): urgent recall tuning 100 / 100, test 97.0 / 96.2; calm kept
 * tuning 93.3 / 93.3, test 95.0 / 93.3 (now 96.7 / 96.7 and 96.7 / 95.0); calm answered (catch-all) tuning
 * 83.3, test 65.0 (now 70.0); symptoms device
 * 91.7 / 73.9; disclosures device abuse 57.1 / 65.4,
 * sexual assault 87.5 / 81.3 (were 42.9 / 26.9 and 62.5 / 37.5); catch-all abuse 100 / 88.5, sexual
 * assault 100 / 87.5, symptoms 100 / 78.3, low mood 100 / 90.9.
 */
const FLOORS: Record<Routing, [string, number][]> = {
  device: [
    ['urgent recall (tuning)', 100],
    // 97.7: measured 97.7, 129 of 132 (was 97.0) once the low-mood answer said 999 by word 19 (it was word 27):
    // a crisis said in low mood's words reaches that answer. Rows that reach a passage intent by similarity
    // instead of the fallback (which carries 999) are what is left. The target stays 100 %.
    // 98.5 (130 of 132) once "I can't go on" and plain distress became crisis and low-mood samples.
    // 99.2 (131 of 132) once triage heard hopelessness without its "what's", which a carrier takes.
    ['urgent recall (test)', 99.2],
    // Tuning 93 (measured 93.3), test 96 (measured 96.7, was 95.0). Calm samples that said an urgent word in
    // the negative ("i'm not suicidal, it's just that…") were tried and removed: a review found they took
    // urgent sentences ("i'm suicidal and my consultant doesn't listen"). Target 95 %.
    ['calm not opened with the urgent script (tuning)', 93],
    ['calm not opened with the urgent script (test)', 96],
    // Device: measured 90.0 (tuning, was 83.3) and 68.3 (test), session 34. Target 90 % (for the catch-all).
    ['calm answered from the guidance (tuning)', 90],
    ['calm answered from the guidance (test)', 68],
    // 78: measured 78.3 (was 73.9) with everyday mild complaints and medicine questions as symptom samples.
    // 82: measured 82.6 (session 30) with more everyday medicine questions.
    ['symptom (test)', 82],
    // 69: measured 69.2 (was 65.4) with violence, threats, stalking and coercion in everyday words.
    // 80: measured 80.8 (session 30) with disclosures in more everyday forms (a black eye, a thrown cup).
    // 84: measured 84.6 (session 34) with control, threats and violence in more everyday words.
    ['abuse (test)', 84],
    // 93: measured 93.8 (was 81.3, session 30) with assaults said without the usual words.
    ['sexual-assault (test)', 93],
    // 95: measured 95.5 (was 90.9) with plain distress ("I'm not okay") as low-mood samples.
    ['low-mood (test)', 95],
    // 63: measured 63.2 (was 57.9) once being treated rudely by a doctor reached "hard to talk to your doctor".
    // Tuning 80: measured 80.0 (was 70.0, session 32) once a feeling said with what it is about ("I'm
    // anxious about {rest}") brought the rest to the skill. 90 (9 of 10) and test 68 (68.4, 13 of 19), session 34,
    // with closings, a GP found hopeless and calm sentences with idioms as samples.
    ['lookalike (tuning)', 90],
    ['lookalike (test)', 68],
  ],
  'catch-all': [
    ['urgent recall (tuning)', 100],
    // 96.9: measured 97.0, 128 of 132 (was 96.2) once the low-mood answer said 999 by word 19. Target 100 %.
    // 97.7 (129 of 132): the same samples. 98.5 (130 of 132): hopelessness heard without its "what's".
    // 99.2 (131 of 132) once triage heard emergencies and crises in more of its own words (session 26).
    ['urgent recall (test)', 99.2],
    // Measured 93.3 and 95.0 (were 93.3 and 93.3); see the device floors for the negated samples removed.
    ['calm not opened with the urgent script (tuning)', 93],
    ['calm not opened with the urgent script (test)', 95],
    // 86: measured 86.7 (was 83.3) once answers said the source's own words ("extra travelling costs").
    // 90: measured 90.0 (session 32) with feelings said with what they are about ("I'm choking up thinking about {rest}").
    ['calm answered from the guidance (tuning)', 90],
    // 70: measured 70.0 (was 66.7) once the fact asked about was in the answer heard first (the registrar,
    // scans and test results) and answers said the source's own words. 75 (measured 75.0) with everyday
    // words in search (mam, folk, petrol) and triage rules that leave fittings calm (session 26). Target 90 %.
    // 76 (measured 76.7, session 30) with passage questions from the fourth blind fixture.
    ['calm answered from the guidance (test)', 76],
    ['abuse (tuning)', 100],
    // 88: measured 88.5 (was 92.3): the abuse rules no longer take "taking her tablets", "getting nasty" or
    // "left me without medication" for abuse, which also cost a disclosure.
    // 92: measured 92.3 (session 30) with the device samples above.
    ['abuse (test)', 92],
    ['sexual-assault (tuning)', 100],
    // 93: measured 93.8 (session 30).
    ['sexual-assault (test)', 93],
    ['symptom (tuning)', 100],
    // 82: measured 82.6 (was 78.3) with everyday mild complaints as symptom samples.
    ['symptom (test)', 82],
    ['low-mood (tuning)', 100],
    ['low-mood (test)', 95],
    // 78: measured 78.9 (was 73.7), as on the device. Target: every look-alike answered from the guidance.
    // Tuning 90: measured 90.0 (was 80.0, session 32), as on the device.
    ['lookalike (tuning)', 90],
    ['lookalike (test)', 78],
  ],
};

function expectFloors(tally: Tally, routing: Routing): void {
  for (const [key, floor] of FLOORS[routing]) {
    if (!tally[key]) continue;
    expect([key, percent(tally[key]) >= floor]).toEqual([key, true]);
  }
}

describe('disclosures, low mood and symptoms (the Miner et al. panel), played in both routing modes', () => {
  test.each(ROUTINGS)('%s routing', async (routing) => {
    const tally: Tally = {};
    for (const [i, row] of table.support.entries()) {
      const { heard, intent } = await say(row.say, routing);
      const speech = heard.speech;
      const where = `${row.kind} [${part(i)}] "${row.say}" → ${intent}: ${speech.slice(0, 90)}`;
      count(tally, `${row.kind} (${part(i)})`, supportAnswered(row, speech), where);
    }
    console.info(report(`Support panel, ${routing} routing (${table.support.length} rows):`, tally));
    expectFloors(tally, routing);
  });
});

describe('the triage module on its own', () => {
  test.each([
    ['my chest hurts', 'emergency'],
    ["her face is drooping and she can't lift her arm", 'emergency'],
    ["i'm coughing up blood", 'emergency'],
    ['my son is fitting', 'emergency'],
    ['my lips are turning blue', 'emergency'],
    ["i'm on chemo and i've got a high temperature", 'chemo'],
    ['I want to end it all', 'crisis'],
    ["I can't go on", 'crisis'],
    ["I'd be better off dead", 'crisis'],
    ["I've been self harming", 'crisis'],
    ['I just want to go to sleep and not wake up', 'crisis'],
    ['I was beaten up by my husband', 'abuse'],
    ['I was raped', 'sexual-assault'],
    ['I am being abused', 'abuse'],
    ['I am depressed', 'low-mood'],
    ['my head hurts', 'symptom'],
    ['my foot hurts', 'symptom'],
    ['what dose should i take', 'symptom'],
    ['is this lump cancer', 'symptom'],
    ['I CAN’T BREATHE', 'emergency'],
    // Rule order: an overdose and a head injury come before abuse ("her tablets", "hit her head").
    ['she has had far too many of her tablets', 'emergency'],
    ['grandma tripped and hit her head on the kerb', 'emergency'],
    // The days after chemotherapy are when infection is most dangerous: "last week" is not history here.
    ['he had his chemo last week and now he is shivery and hot', 'chemo'],
    // Safety nets come before low mood: "I'm afraid" with a rope is not low mood.
    ['i am afraid he has gone out with a rope', 'crisis'],
    // A fear said with a question about the plan, the operation or someone to bring is answered, not
    // signposted; hopelessness said beside those words is still low mood (session 25).
    ["I'm terrified of the operation, could someone else look at it", undefined],
    ["I'm scared stiff, should I bring my son along", undefined],
    ['I feel hopeless, I dread what tomorrow will bring', 'low-mood'],
    ["I'm desperate, there's no other options left for me", 'low-mood'],
    ["I'm so depressed since the operation", 'low-mood'],
    ["I'm so frightened all the time", 'low-mood'],
    // The session 30 abuse rules stop short of a cut, a dog and a physio: a bleed is still an emergency.
    ["I cut my finger with a knife and it won't stop bleeding", 'emergency'],
    ["the dog went for him and he's bleeding", 'emergency'],
    ['I chopped the veg with a knife', undefined],
    ['the physio put her hands on my neck', undefined],
    ['the nurse pinched me taking blood, can I complain', undefined],
    ["I'm scared to go home after the operation", undefined],
    ['the carer pinches her', 'abuse'],
    ['the chemo did it to me again', undefined],
    ['the nurse came into my room at night to check my drip', undefined],
    ["the consultant made me do things I didn't want to, like more tests", undefined],
    // Bruising on chemotherapy is for the chemotherapy helpline, not the abuse answer.
    ['the chemo gives me bruises', 'chemo'],
    ["I'm worried what they'll do to me in theatre", undefined],
  ])('"%s" → %s', (words, answer) => {
    expect(triage(words)?.answer).toBe(answer);
  });

  // From a review of the rules by someone who had not written them: urgent sentences that rules added for
  // calm ones had switched off, and calm ones that new urgent rules had caught.
  test.each([
    ["I'm at the hospital and I want to end it", 'crisis'],
    ["I've had enough since the diagnosis, I've got a noose", 'crisis'],
    ["I'm going to drive off the bridge", 'crisis'],
    ["I'm in the hospital car park with a razor blade", 'crisis'],
    ['my temperature spiked after chemo', 'chemo'],
    ["she's been taking her pills and now her face has dropped on one side", 'emergency'],
    ['dad took his tablets and then collapsed', 'emergency'],
    ['mum has been getting nasty chest pains', 'emergency'],
    ['She has collapsed, same as last time', 'emergency'],
    ["She had a stroke two years ago and now she can't lift her arm", 'emergency'],
    ["She's not bleeding any more but she's very pale and drowsy", 'emergency'],
    ["Phone if I get a temperature, well I have one and I'm on chemo", 'chemo'],
    // A second review (session 21): danger and a crisis said plainly.
    ["I'm in crisis and I don't know who to call", 'crisis'],
    ['someone is in danger, I need to know what to do', 'emergency'],
    ['my mum is in danger', 'emergency'],
    // Session 22, after a fifth blind table: everyday words for stroke, collapse, a fall, patches and goodbyes
    // (said here in other words than the table's).
    ['her smile has gone wonky', 'emergency'],
    ["she sounds like she's drunk and she never drinks", 'emergency'],
    ["he fell down the stairs and he's not making sense", 'emergency'],
    ['his pupils are different sizes after he banged into the door', 'emergency'],
    ["she's juddering all over", 'emergency'],
    ['he put on two of his fentanyl patches at once', 'emergency'],
    ["dad's gone down in the hall and he isn't answering", 'emergency'],
    ["I won't be here by the morning", 'crisis'],
    ["she's been saying her goodbyes to everyone", 'crisis'],
    ["he's on tablets for his cancer and now he's shivering", 'chemo'],
    ['the urge to self harm is back', 'crisis'],
    // Session 26: a seizure by what it looks like.
    ["he's gone stiff and he's bitten his tongue", 'emergency'],
    ['she went rigid then started shaking', 'emergency'],
    // The words path without the model's samples (session 26), said in other words than the tables'.
    ['the ache has moved up into his jaw', 'emergency'],
    ["there's a crushing pain in my arm and neck", 'emergency'],
    ["she's suddenly dropped her mug and her arm won't work", 'emergency'],
    ["I sliced my finger cooking and it's gushing", 'emergency'],
    ["he's bringing up bright red stuff", 'emergency'],
    ['my poo has been black and tarry since yesterday', 'emergency'],
    ["grandad is slumped over and he won't respond", 'emergency'],
    ["mum's lying on the kitchen floor", 'emergency'],
    ["he's been fitting for about ten minutes", 'emergency'],
    ["his legs are thrashing around and he's not with us", 'emergency'],
    ['she had a peanut by mistake and her throat feels funny', 'emergency'],
    ["he's taken his entire prescription at once", 'emergency'],
    // A review of those rules (session 26): more ways to say them, and what they must not take.
    ["she says she'll swallow the lot tonight", 'crisis'],
    ["he's stashing his pills", 'crisis'],
    ["she's giving her jewellery away", 'crisis'],
    ['he texted me bye love you sorry', 'crisis'],
    ["she's on R-CHOP and she's shivering", 'chemo'],
    ['she had epirubicin last week and she has got a fever', 'chemo'],
    ['he got a blow to the head', 'emergency'],
    ['mum has gone rigid and bit her tongue', 'emergency'],
    ['his number twos are jet black', 'emergency'],
    ["there's bright red in her sick", 'emergency'],
    ["he's gone all stiff and jerky", 'emergency'],
    ["her jaw really hurts and she's grey and sweating", 'emergency'],
    ["my partner is on the floor and I can't lift him", 'emergency'],
    ["his hand isn't working all of a sudden", 'emergency'],
    // A second review (session 26).
    ["I've got my morphine put by for when I'm ready", 'crisis'],
    ["I'm going to swallow all my oramorph tonight", 'crisis'],
    ["he keeps saying he'll take the lot", 'crisis'],
    ['what if my wife is in the kitchen fitting', 'emergency'],
    ["he's fitting in the bathroom right now", 'emergency'],
    ["mum's lying on the floor of the ward bathroom and I can't lift her", 'emergency'],
    ['he had a bad knock to the head after his operation and now he is confused', 'emergency'],
    ["mum takes iron but her poo is black like tar and she's pale and dizzy", 'emergency'],
    ["dad's on rituximab and shivering with a fever", 'chemo'],
    ["we rehomed the cat for the infection risk, and now he's giving all his things away", 'crisis'],
    ['she got a nasty bang on the head at the bus stop', 'emergency'],
    ["I'm on temozolomide and I feel very unwell", 'chemo'],
    ["I've been hiding my painkillers for when the time comes", 'crisis'],
    ["she said she's going to take them all tonight", 'crisis'],
    ['he asked how many paracetamol it would take', 'crisis'],
    ['my daughter left a note saying goodbye to us', 'crisis'],
    ['he keeps on about not being around much longer', 'crisis'],
    ["I've made cuts on my thighs again", 'crisis'],
    // A review of those rules (session 22): what the calm ones must not switch off, and more ways to say it.
    ["She nearly passed out and now she can't speak", 'emergency'],
    ["He nearly keeled over and he's grey and sweating", 'emergency'],
    ["It's like the one before his heart attack", 'emergency'],
    ['Her white blood count is low and she has a temperature of 38', 'chemo'],
    ["My mum's not making any sense", 'emergency'],
    ["He isn't opening his eyes", 'emergency'],
    ['Her tablet box is empty and she took them all', 'emergency'],
    ["she's had more oramorph than she's supposed to", 'emergency'],
    ['One pupil is bigger than the other', 'emergency'],
    ["Mum fell and she's acting strange", 'emergency'],
    ["I've done something stupid", 'crisis'],
    // A review (session 25) of that day's narrowing of the low-mood, assault and history rules.
    ["I've lost all hope, I've got a plan for tonight", 'crisis'],
    ['he made me, even when I said no', 'sexual-assault'],
    ["my stepdad makes me sit on his knee when I don't want to", 'sexual-assault'],
    // Session 30: disclosures said without the usual words (written from the classes, not the tables).
    ['he came into my room at night while I was asleep', 'sexual-assault'],
    ['she tried to get into bed with my dad', 'sexual-assault'],
    ['her boyfriend gave her a black eye', 'abuse'],
    ["I'm too frightened to go home", 'abuse'],
    ['he put his hands round my neck', 'abuse'],
    ['my son is waving a knife about', 'abuse'],
    ['dad had a heart attack forty minutes ago, can he still get a second opinion', 'emergency'],
    ['mum had a stroke 6 hours ago', 'emergency'],
    // A review (session 25): "ago" is history only when it is long ago.
    ['dad started getting chest pain half an hour ago', 'emergency'],
    ['mum collapsed a few minutes ago', 'emergency'],
    ['my wife collapsed last night', 'emergency'],
  ])('still urgent: "%s" → %s', (words, answer) => {
    expect(triage(words)?.answer).toBe(answer);
  });

  test.each([
    'I had a stroke two years ago, can I still get a second opinion',
    'the emergency department doctor diagnosed me',
    'the ambulance took me to hospital and now I want a second opinion',
    "I'm choking up thinking about my diagnosis",
    'the waiting is killing me',
    'my heart sank when they told me',
    "it's not an emergency but can I ask for another doctor",
    'is a second opinion urgent',
    'we saw the A and E doctor last night',
    'I had a heart attack last year, will the new specialist get my notes',
    "i'm on chemo, can i still get a second opinion",
    'will a second opinion delay my chemo',
    'my blood test results came back',
    'the consultant was rude to me, can I see someone else',
    "there's no emergency, I just wondered how long a referral takes",
    "I couldn't breathe a word of it to my sister",
    'would a second opinion be quicker in an emergency',
    'The hospital sent a letter saying sorry for the delay',
    "We're going to drive into Manchester for the appointment",
    'It jumped from stage two to stage three',
    "We've made a plan to end the chemo",
    'sitting on the edge of my seat',
    "I've got my medication ready to take with me to the appointment",
    'banging my head against a brick wall trying to get a referral',
    'The surgeon cut too deep',
    "The GP said I don't deserve a second opinion",
    "I don't feel safe with him as my surgeon",
    'The hospital left me without medication',
    'My husband thinks the chemo is hurting him',
    'The nurse pulled me into a side room to tell me the results',
    "The GP isn't answering me",
    'My breasts are lopsided after the reconstruction',
    "Suddenly I'm confused about which treatment to choose",
    'My doctor wants to double my dose',
    "I've got a chest infection",
    'I had chemotherapy in 2019 and was sick all the time, can I get a second opinion on my new plan',
    "I've just had my results, my dad had a heart attack two years ago",
    'My PSA spiked, should I get a second opinion',
    'The carer took her tablets to the pharmacy',
    'since my stroke i find numbers hard so can the doctor explain my results',
    "I'm scared the operation could kill me",
    "I don't feel right about my chemo plan",
    'she had a fit of the giggles in the clinic',
    'my chest went tight with nerves in the consultation',
    'he survived a heart attack and now wants a second opinion on his cancer',
    'I nearly fainted when they told me',
    'I felt faint at the appointment, can I go through it again',
    "the consultant isn't making any sense to me",
    "I can't get a response from the consultant's secretary",
    "The waiting list has gone down but the hospital isn't answering",
    "He won't open his eyes to other options",
    'My legs have gone all heavy with nerves',
    "The doctor, he's not making sense, can I ask for a second opinion?",
    'Sorry, my words are all over the place',
    "My face to face appointment won't move",
    "My referral fell through and I'm confused",
    "We went over the letter and it's still not making sense",
    "She's on more tablets than she should be, could a second opinion look at that?",
    'I emptied her old pill packets into the pharmacy returns bag',
    'I use nicotine patches at the same time as my inhaler',
    "I'd rather not carry on with the same consultant",
    "I'd prefer not to wake my husband",
    "I think we're done with that for tonight, thank you",
    "The consultant won't be here in the morning",
    'I said my goodbyes to the old consultant',
    'I had the urge to cut the appointment short',
    "I don't want to go through that pain again, I had a heart attack years ago",
    'The video was juddering',
    'I went rigid with fear when they said cancer',
    'I had to bite my tongue when the consultant was rude',
    'how many tablets will I have to take on chemo',
    'the GP is deliberately ignoring my pain, can I get a second opinion',
    'my daughter left a note for the GP about my mum',
    "she's going to take them all to the second opinion appointment",
    "I'm saving my painkillers for when the pain gets bad at night",
    "she talks about not being around for the Monday appointment, she'll be at her sister's",
    "the consultant's face gave everything away",
    'the surgeon made cuts in my arm for the lymph nodes',
    'is it fitting for me to ask for a second opinion',
    'my stoma bag fitting is on Tuesday',
    'my joints have gone stiff and achy on letrozole',
    "I went rigid and couldn't speak when they told me it was cancer",
    "I've had aching in my jaw since the radiotherapy to my neck",
    'the nurse was squeezing my arm to find a vein',
    "my left hand won't work since the chemo, is it neuropathy",
    "she's on the floor above in the oncology ward",
    "his stools are black from the iron tablets, the doctor said it's fine",
    'I was coughing and went bright red with embarrassment',
    "they cut my dose but the sickness won't stop",
    "there's a dent in his head from the brain surgery, is that normal",
    'she is swelling up on the steroids, moon face they call it',
    "I've been thrashing about trying to get a referral for months",
    'she has taken her entire prescription to the pharmacy',
    'i want to know if i should write down all of them',
    'my GP told me to take every last one of my antibiotics',
    'the radiographer has made marks on my skin',
    'my pain consultant is going to refer me to a jaw specialist',
    'what if my letters are in a heap',
    "she's swelling up in her arm since the lymph nodes came out",
    "we gave the cat away because I'm on chemo",
    "since my husband died I've given away his clothes",
    'I was shaking so much my glasses fell off when they told me',
    'dad just bit his tongue and kept a stiff upper lip',
    'she is flailing around trying to get a second opinion',
    'will a second opinion fit in with my chemo',
    'can they fit me in next week',
    'I have a wig fitting for my chemo next week',
    'the fitting for my stoma bag went well',
    'the nurse dropped my notes on the floor',
    "I'm not sure I'll be around for the appointment on Friday",
    // A review (session 25): care someone doesn't want is not assault.
    "my carer makes me have a wash when I don't want to",
    "my carer makes me do my exercises even when I'm tired",
    "can I take my hay fever tablets while I'm on chemo",
  ])('calm: "%s"', (words) => {
    const result = triage(words);
    expect([words, result && ['emergency', 'chemo', 'crisis', 'abuse', 'sexual-assault'].includes(result.answer) ? result : undefined]).toEqual([words, undefined]);
  });

  test('hopelessness is heard without its "what\'s", which a model carrier ("what\'s {service}") can take', () => {
    expect(triage('the point of any of it anymore')?.answer).toBe('low-mood');
    expect(triage('the point in going on')?.answer).toBe('crisis');
    expect(triage('the point of a second opinion')).toBeUndefined();
  });

  test('it reads no further than a long sentence, so a forged 100 KB slot costs no more', () => {
    const started = process.hrtime.bigint();
    expect(triage(`${'tell me about second opinions '.repeat(4000)} my chest hurts`)).toBeUndefined();
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(200);
  });

  test('the pattern language: words, prefixes, choices, optional words and gaps; bad syntax fails the build', () => {
    const matches = (pattern: string, text: string) => new RegExp(compilePattern(pattern)).test(padded(text));
    expect(matches('chest ~ hurt*', 'my chest really really hurts')).toBe(true);
    expect(matches('chest ~ hurt*', 'chestnut hurts')).toBe(false);
    expect(matches("(can't|cannot) breathe", 'I cant breathe')).toBe(true);
    expect(matches('end [my] life', 'end life')).toBe(true);
    expect(() => compilePattern('(chest|heart')).toThrow(/never closed/);
    expect(() => compilePattern('a | b')).toThrow(/unexpected/);
  });
});

describe('urgent help, as transcripts', () => {
  test('U: my chest hurts (catch-all) → A: 999 first, 111 next, an open gentle question, a card with the numbers', async () => {
    const chat = new Chat(undefined, 'catch-all');
    const a = await chat.user('my chest hurts');
    const emergency = safetyLines(answers.emergency, undefined);
    expectAlexa(a, { startsWith: emergency[0], says: emergency[1], open: true, reprompt: content.prompts.urgent.reprompt });
    expect(a.ssml).toContain("<say-as interpret-as='digits'>999</say-as>");
    expect(a.card?.title).toBe(answers.emergency.title);
    // Urgent help is not guidance: the disclaimer waits for the first answer about second opinions.
    expect(a.speech).not.toContain(fill(content.prompts.disclaimerFirstTurn, { disclaimer: content.framing.disclaimer }));
  });

  test('on a device, Alexa routes urgent words to the urgent intents: EmergencyIntent, CrisisIntent, UnwellOnTreatmentIntent', async () => {
    const cases: [string, string][] = [
      ['EmergencyIntent', 'emergency'],
      ['CrisisIntent', 'crisis'],
      ['UnwellOnTreatmentIntent', 'chemo'],
      ['AbuseIntent', 'abuse'],
      ['SexualAssaultIntent', 'sexual-assault'],
      ['LowMoodIntent', 'low-mood'],
      ['SymptomIntent', 'symptom'],
    ];
    for (const [intent, answer] of cases) {
      const chat = new Chat();
      const a = await chat.intent(intent);
      expectAlexa(a, { startsWith: safetyLines(answers[answer], undefined)[0], open: true });
    }
  });

  // A review (session 25) found calm samples that pulled these away from 999 on a device ("my wife collapsed
  // last year, can she still get a second opinion" took "… last night …"). They stay urgent in both modes.
  test.each(ROUTINGS)('%s routing: a sudden collapse, fit or loss of speech said with a second-opinion question still hears 999 first', async (routing) => {
    for (const said of [
      'my wife collapsed last night, can she still get a second opinion',
      'my wife collapsed, can she still get a second opinion',
      "I used to have fits but I've just had another one, can I still get a second opinion",
      "mum suddenly can't get her words out in front of the doctor",
    ]) {
      const heard = await new Chat(undefined, routing).user(said);
      expect([said, urgentHelped(heard.speech, { chemo: false, crisis: false })]).toEqual([said, true]);
    }
  });

  test('the helpline fits the nation once known; a nation said straight after a helpline gets that nation’s', async () => {
    const chat = new Chat(undefined, 'catch-all');
    await chat.user('who helps in Glasgow');
    const crisis = await chat.user('i want to end my life');
    expectAlexa(crisis, { says: [safetyLines(answers.crisis, 'scotland')[2], 'Samaritans', '116 123'], open: true });

    const abuse = new Chat(undefined, 'catch-all');
    const first = await abuse.user('my husband beats me');
    expectAlexa(first, { says: safetyLines(answers.abuse, undefined)[1], open: true });
    // U: Wales → A: the Welsh helpline, not the Welsh patient advice service.
    const wales = await abuse.user('Wales');
    expectAlexa(wales, { says: safetyLines(answers.abuse, 'wales')[1], saysNot: 'Llais', open: true });
    // A nation said later, about something else, is the usual who-can-help answer.
    await abuse.user('what are the advantages');
    expectAlexa(await abuse.user('Wales'), { says: 'Llais', open: true });
  });

  test('urgent words said with a place get that nation’s advice line when none is known, on the card too', async () => {
    // U: I'm in Belfast and my chest hurts (a device: the place carrier catches it all, unresolved) → Northern Ireland's line, not 111.
    const belfast = new Chat();
    const a = await belfast.user('who can help in belfast my chest hurts');
    expect(belfast.lastIntent).toBe('WhoCanHelpIntent');
    expectAlexa(a, {
      startsWith: safetyLines(answers.emergency, 'northern-ireland')[0],
      says: safetyLines(answers.emergency, 'northern-ireland')[1],
      saysNot: safetyLines(answers.emergency, undefined)[1],
      open: true,
    });
    // The card says the same lines as were heard (Northern Ireland has no 111).
    expect(a.card?.content).toContain(safetyLines(answers.emergency, 'northern-ireland')[1]);
    // A nation the listener gave is never replaced by a place in urgent words (Bangor is in Wales and in Northern Ireland).
    const known = new Chat();
    await known.user('I live in Northern Ireland');
    expectAlexa(await known.user('who can help in bangor my chest hurts'), { says: safetyLines(answers.emergency, 'northern-ireland')[1], open: true });
    expectAlexa(await known.user('who can help'), { says: content.nations.find((n) => n.id === 'northern-ireland')!.service.name, open: true });
    // A nation the model resolved, beside urgent words in the other slot.
    const wales = new Chat();
    const b = await wales.intent('ServiceIntent', { service: { value: 'my husband has collapsed' }, nation: matched('wales', 'wales', 'NATION') });
    expectAlexa(b, { startsWith: safetyLines(answers.emergency, 'wales')[0], says: safetyLines(answers.emergency, 'wales')[1], open: true });
    // A service named is not where the listener is: "PALS" is England's, but a listener asking about it may live anywhere.
    const pals = new Chat(undefined, 'catch-all');
    expectAlexa(await pals.user('my chest hurts what is pals'), { says: safetyLines(answers.emergency, undefined)[1], open: true });
  });

  // A review found "I'd rather not live" reaching NoIntent by the sample "i'd rather not thanks", and so
  // "Goodbye": a No, Stop or Cancel sample must never be a word away from distress.
  test.each(["i'd rather not live", "no i'm not alright", "no that's not fine", "no it's not okay", "don't worry about me", "i'm not okay", 'no i can’t go on'])(
    'on a device, "%s" said to a question is never taken for no, stop or cancel, and the session stays open',
    async (words) => {
      for (const before of ['what are the advantages', 'who helps in Wales']) {
        const chat = new Chat();
        await chat.user(before);
        const heard = await chat.user(words);
        expect([words, chat.lastIntent]).not.toEqual([words, expect.stringMatching(/^AMAZON\.(NoIntent|StopIntent|CancelIntent)$/)]);
        expectAlexa(heard, { open: true });
      }
    },
  );

  test('urgent words in any slot win over the intent they came with', async () => {
    const chat = new Chat();
    const a = await chat.intent('TopicIntent', { topic: { value: 'heart attack' } });
    expectAlexa(a, { startsWith: safetyLines(answers.emergency, undefined)[0], open: true });
  });

  test('the not-sure reply carries the urgent line within its first 25 words too', async () => {
    const chat = new Chat();
    const a = await chat.intent('QueryIntent', { query: { value: 'how tall is the eiffel tower' } });
    expect(first25(a.speech)).toContain('999');
    expect(a.speech).toContain(content.prompts.urgentLine);
  });

  test.each(ROUTINGS)("%s routing: the issue's calm idioms and negations are not met with the urgent script", async (routing) => {
    for (const words of ["I'm choking up thinking about my diagnosis", "it's not an emergency but how do I get a second opinion"]) {
      const { heard } = await say(words, routing);
      expect([words, opensUrgent(heard.speech)]).toEqual([words, false]);
      expectAlexa(heard, { open: true });
    }
  });

  test.each(ROUTINGS)('%s routing: a cry for help reaches 999 in the first 25 words, whichever reply it gets', async (routing) => {
    for (const words of ['please help me', 'help me please', 'I need help', 'help', 'I need urgent help', 'send help']) {
      const { heard } = await say(words, routing);
      expect([words, first25(heard.speech).includes('999')]).toEqual([words, true]);
      expectAlexa(heard, { open: true });
    }
  });
});
