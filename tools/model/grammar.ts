/**
 * A grammar check for generated samples: Alexa learns from them, and its documentation asks for
 * grammatical ones. Not a parser: rules for the mistakes a template multiplies blindly (subject and verb
 * that disagree, "a" or "an" before the wrong sound, a word said twice, a question with two verbs).
 */

// Words that start with a vowel letter but a consonant sound, and the reverse (said as letters: "an MDT").
// "ur" only as in urine and urology: "an urgent" is right.
const VOWEL_LETTER_CONSONANT_SOUND = /^(one|once|uni|use|usu|eu|uk|uri|uro|ure|ewe)/;
const CONSONANT_LETTER_VOWEL_SOUND = /^(hour|honest|honour|heir|mdt|nhs|mri|x|fbi|sos|rsvp|llb|lsd|mp)\b/;
const REPEATABLE = new Set(['bye', 'night', 'ta', 'very', 'so', 'no', 'far', 'really', 'that', 'had']);

const DISAGREEMENT = [
  /\bi (are|is|has|was been|does)\b/,
  /(?<!\b(does|do|did|can|could|will|would|should|might|must|may|to|let|make|made) )\b(he|she|it) (are|have|do|were)\b/,
  /\b(they|we|you) (is|has|does|was)\b/,
  /\bdoes (they|we|i|you)\b/,
  /(^|\b(what|why|how|where|when|who) )do (he|she|it)\b/,
  /\b(am|is|are) (is|are|am)\b/,
  /\bi'm am\b/,
  /\bwhat (is|are|was)\b.* (mean|means)$/,
  /\b(will|would|can|could|should|might|must) (to|is|are|was|am|has|gets|goes|does|needs|means)\b/,
  /\b(an?) (few|lot) (of )?(\w+)s? (is|was)\b/,
  /\bare there (anything|something|nothing|a|an)\b/,
  // "Is there" with a plural after it ("is there funding limits"), which "(is|are) there" templates make.
  /\b(is|was) there (?!(a|an|the|one|someone|somebody|anyone|anybody)\b)(\w+ )?(limits|problems|reasons|costs|options|services|doctors|treatments|things|ways|charities|organisations|groups|benefits|downsides|advantages|disadvantages|risks|specialists|consultants|questions|people)\b/,
  /\bwhat was the (ones|things)\b/,
  /\bbegin over\b/,
  /\bwhat can you help\b/,
  /\bsay me\b/,
  /\bwhat (is|does) \S+ do\b(?<!what does \S+ do)/,
  /\bput (that|it|the list|them) to\b/,
  /\bsend (that|it|the list|them) in the\b/,
  /\blovely very much\b/,
  // A review of every sample (session 25) found these, each made by a template that multiplied blindly.
  /\bis you\b/,
  /\bare this\b/,
  /\b(where|how|what|why|when) do (this|that) \w+ (come|mean|work|say)\b/,
  /\bdo (i|we|you|they) be\b/,
  /\bis (my|the|your) (scans|notes|records|results|test results)\b/,
  /\b(information|advice) are\b/,
  /\b(details|records|notes|scans) (is|gets)\b/,
  /\bwhy (someone|somebody|he|she) (want|need|get|ask)\b/,
  /\btrouble to\b/,
  /\bwhat (can|could|might) a second opinion help\b/,
  /\bhow (can|could|might) a second opinion do\b/,
  / '/,
  /\bthings of (a|getting)\b/,
  /\bworried of\b/,
  /\bafraid about\b/,
  /\b(where is|where's) (anyone|anybody)\b/,
  /\bis there \w+ is\b/,
  /^what (other|any) \w+ (that|who|which)\b/,
  /\bwho can i get (\w+ )?(support|help)$/,
  /^how i\b/,
  /\b(treated|treatment) at the (\w+ )?(doctor|specialist|consultant)\b(?!')/,
  /\b(my|the) (doctor|gp|consultant|specialist) have been\b/,
  /\bis (my|the) \w+ be\b/,
  /\bwill (my|the) \w+ going\b/,
  /\b(he|she) says (?!\1)(he|she)\b/,
  /^(eh|huh|sorry what|pardon|pardon me) (please|then)$/,
  /^and then what then$/,
  /^i (missed|didn't catch|didn't get|didn't hear) .* (please|then)$/,
  /\bwhat has changed since$/,
];

export function grammarProblems(sample: string): string[] {
  const words = sample.replace(/\{\w+\}/g, 'SLOT').split(' ');
  const problems: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [word, next] = [words[i], words[i + 1]];
    if (word === next && !REPEATABLE.has(word) && word !== 'SLOT') problems.push(`"${word}" twice`);
    // "A and E", the department, is letters, not the article.
    const letters = word === 'a' && next === 'and' && words[i + 2] === 'e';
    if (word === 'a' && !letters && /^[aeiou]/.test(next) && !VOWEL_LETTER_CONSONANT_SOUND.test(next)) problems.push(`"a ${next}"`);
    if (word === 'an' && next !== 'SLOT' && (!/^[aeiou]/.test(next) || VOWEL_LETTER_CONSONANT_SOUND.test(next)) && !CONSONANT_LETTER_VOWEL_SOUND.test(next)) problems.push(`"an ${next}"`);
  }
  for (const rule of DISAGREEMENT) if (rule.test(sample)) problems.push(`matches ${rule.source}`);
  return problems;
}
