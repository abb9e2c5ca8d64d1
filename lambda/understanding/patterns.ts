/**
 * The pattern language editors use in content/<locale>/triage.yaml, compiled to regular expressions by
 * the build (so the Lambda never parses patterns), and the normalisation both sides agree on.
 *
 *   word   the word;  word*  any word starting so;  (a|b c)  one of;  [a]  optional;  ~  up to four words
 *
 * Every compiled fragment consumes the space before its word and the whole pattern must be followed by a
 * space, so matches are always whole words of the padded, normalised text.
 */

/**
 * Lower case; "'s" dropped ("mum's", "she's" → "mum", "she") and "'ll" as "will" ("he'll" is not "hell",
 * "I'll" not "ill"); other apostrophes dropped ("can't" → "cant", "I've" → "ive"); "&" as "and"; anything
 * else not a letter or digit a space.
 */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/'ll\b/g, ' will')
    .replace(/'/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Letters spelled out, as Alexa writes them ("m. d. t.", "c a b"), joined into the word the content uses
 * ("mdt", "cab"), so "what's an m d t" finds the MDT. A run of only "a" and "i" is left: those are words.
 */
export function joinSpelledLetters(text: string): string {
  const tokens = text.split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    let end = i;
    while (end < tokens.length && /^[a-z]\.?$/i.test(tokens[end])) end++;
    const letters = tokens.slice(i, end).map((t) => t.replace('.', ''));
    if (letters.length >= 2 && letters.some((l) => !/^[ai]$/i.test(l))) {
      out.push(letters.join(''));
      i = end;
    } else {
      out.push(tokens[i]);
      i++;
    }
  }
  return out.join(' ');
}

/** The form a pattern is matched against: normalised and padded with spaces. */
export const padded = (text: string): string => ` ${normaliseWords(text)} `;

type Token = { kind: 'word'; text: string; prefix: boolean } | { kind: 'gap' } | { kind: '(' | ')' | '[' | ']' | '|' };

function tokenise(pattern: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:([()[\]|~])|([^\s()[\]|~]+))/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = re.exec(pattern)) !== null && match[0].length) {
    end = re.lastIndex;
    if (match[1] === '~') tokens.push({ kind: 'gap' });
    else if (match[1]) tokens.push({ kind: match[1] as '(' | ')' | '[' | ']' | '|' });
    else {
      const raw = match[2];
      const prefix = raw.endsWith('*');
      const words = normaliseWords(prefix ? raw.slice(0, -1) : raw)
        .split(' ')
        .filter(Boolean);
      if (!words.length) throw new Error(`"${raw}" has no letters or digits`);
      words.forEach((text, i) => tokens.push({ kind: 'word', text, prefix: prefix && i === words.length - 1 }));
    }
  }
  if (pattern.slice(end).trim()) throw new Error(`cannot read "${pattern.slice(end).trim()}"`);
  return tokens;
}

const GAP = '(?: [a-z0-9]+){0,4}';

/** Compiles one pattern to the source of a regular expression over padded text; throws on bad syntax. */
export function compilePattern(pattern: string): string {
  const tokens = tokenise(pattern);
  let at = 0;
  const sequence = (closers: string[]): string => {
    let out = '';
    while (at < tokens.length && !closers.includes(tokens[at].kind)) {
      const token = tokens[at++];
      if (token.kind === 'word') out += ` ${token.text}${token.prefix ? '[a-z0-9]*' : ''}`;
      else if (token.kind === 'gap') out += GAP;
      else if (token.kind === '(' || token.kind === '[') {
        const close = token.kind === '(' ? ')' : ']';
        const choices = [sequence(['|', close])];
        while (tokens[at]?.kind === '|') {
          at++;
          choices.push(sequence(['|', close]));
        }
        if (tokens[at]?.kind !== close) throw new Error(`"${token.kind}" is never closed with "${close}"`);
        at++;
        if (choices.some((c) => c === '')) throw new Error('a choice is empty');
        // Longest first: a regular expression takes the first choice that fits, and "that all i needed"
        // must not stop at "that all" when the words are matched piece by piece (recognisers.ts).
        choices.sort((a, b) => b.length - a.length);
        out += `(?:${choices.join('|')})${close === ']' ? '?' : ''}`;
      } else throw new Error(`unexpected "${token.kind}"`);
    }
    return out;
  };
  const source = sequence([]);
  if (at < tokens.length) throw new Error(`unexpected "${tokens[at].kind}"`);
  if (!source) throw new Error('the pattern is empty');
  return `${source}(?= )`;
}
