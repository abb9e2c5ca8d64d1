/** Names of intents generated from content, shared by the model builder and the content compiler. */

/** The intent a feeling's samples make: frightened → FeelingFrightenedIntent. */
export const feelingIntentName = (id: string) => `Feeling${id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}Intent`;
