/**
 * A plain-text preview of what a screen shows: the APL data source of a turn, laid out as the document
 * lays it out (title, the passage or the list page with its numbers and position, the prompt, the
 * buttons). A screenshot needs a device or Amazon's simulator; this lets an editor see offline, in
 * `npm start -- --screen`, whether a screen says what they meant.
 */
import type { ScreenData } from '../../lambda/speech/screen';

const WIDTH = 68;

function wrap(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WIDTH - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

export function screenPreview(screen: ScreenData): string {
  const body: string[] = [...wrap(screen.title), '═'.repeat(Math.min(screen.title.length, WIDTH))];
  for (const section of screen.sections) {
    body.push('');
    if (section.kind === 'text') body.push(...wrap(section.text));
    else {
      body.push(...wrap(section.position));
      for (const item of section.items) {
        const [first, ...rest] = wrap(item.text, '      ');
        body.push(`  ${String(item.number).padStart(2)}. ${first.trimStart()}`, ...rest);
      }
    }
  }
  if (screen.prompt) body.push('', ...wrap(screen.prompt));
  if (screen.buttons.length) body.push('', screen.buttons.map((b) => `[ ${b.label} ]`).join('  '));
  return ['   ┌─ screen ' + '─'.repeat(WIDTH - 9), ...body.map((l) => `   │ ${l}`.trimEnd()), '   └' + '─'.repeat(WIDTH + 1)].join('\n');
}
