/**
 * Phrases Amazon's built-in intents understand without samples of ours (a small, common subset), so the
 * local console resolves "stop" or "next" the way a device would. The model's own extra samples are added.
 */
export const BUILT_IN_PHRASES: Record<string, string[]> = {
  'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'i need some help'],
  'AMAZON.StopIntent': ['stop', 'exit', 'quit', 'goodbye', 'bye', 'off', 'shut up'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home'],
  'AMAZON.NextIntent': ['next', 'skip', 'go forward'],
  'AMAZON.PreviousIntent': ['previous', 'go back one'],
  'AMAZON.RepeatIntent': ['repeat', 'again', 'say it again'],
  'AMAZON.StartOverIntent': ['start over', 'restart'],
  'AMAZON.MoreIntent': ['more', 'show more'],
  'AMAZON.YesIntent': ['yes', 'yes please', 'yes i would'],
  'AMAZON.NoIntent': ['no', 'no thanks'],
};
