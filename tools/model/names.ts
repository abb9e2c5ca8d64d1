/** Names of intents generated from content, shared by the model builder and the content compiler. */

/** kebab-case to PascalCase: "detail-1" → "Detail1". */
const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** The intent a feeling's samples make: frightened → FeelingFrightenedIntent. */
export const feelingIntentName = (id: string) => `Feeling${pascal(id)}Intent`;

/**
 * The intent a passage's questions make, named after its topic's intent (or its id) and its key:
 * disadvantages#item-4 → DisadvantagesItem4Intent.
 */
export const passageIntentName = (topic: { id: string; intent?: { name: string } }, key: string) => `${topic.intent ? topic.intent.name.replace(/Intent$/, '') : pascal(topic.id)}${pascal(key)}Intent`;
