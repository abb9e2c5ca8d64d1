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
