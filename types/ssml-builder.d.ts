// ssml-builder ships no type declarations. This declares only the part of its API the renderer uses.
declare module 'ssml-builder' {
  interface SayAsOptions {
    word: string;
    interpret: 'characters' | 'spell-out' | 'cardinal' | 'number' | 'ordinal' | 'digits' | 'fraction' | 'unit' | 'date' | 'time' | 'telephone' | 'address' | 'interjection' | 'expletive';
    format?: string;
  }
  class Speech {
    say(text: string): this;
    pause(duration: string): this;
    sayAs(options: SayAsOptions): this;
    sub(alias: string, word: string): this;
    /** Escapes `word`; checks the rate (a name, or a percentage of at least 20%). */
    prosody(attributes: { rate?: string; pitch?: string; volume?: string }, word: string): this;
    /** Appends markup as it is, unescaped: only for markup ssml-builder itself produced. */
    sayWithSSML(ssml: string): this;
    ssml(excludeSpeakTag?: boolean): string;
  }
  export = Speech;
}
