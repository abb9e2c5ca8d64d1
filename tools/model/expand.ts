/**
 * Expands sample templates: "(a|b) c [d]" → "a c", "a c d", "b c", "b c d".
 * Slots ({name}) pass through untouched. Output is de-duplicated, whitespace-normalised and in order.
 */
export function expandTemplate(template: string): string[] {
  const results = expand(template);
  return [...new Set(results.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

function expand(text: string): string[] {
  const open = text.search(/[([]/);
  if (open === -1) return [text];
  const optional = text[open] === '[';
  const close = matching(text, open);
  const inner = text.slice(open + 1, close);
  const choices = splitTopLevel(inner).flatMap(expand);
  if (optional) choices.push('');
  const rest = expand(text.slice(close + 1));
  const prefix = text.slice(0, open);
  return choices.flatMap((choice) => rest.map((tail) => `${prefix}${choice}${tail}`));
}

function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(' || text[i] === '[') depth++;
    if (text[i] === ')' || text[i] === ']') depth--;
    if (depth === 0) return i;
  }
  throw new Error(`Unbalanced brackets in sample template "${text}"`);
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}
