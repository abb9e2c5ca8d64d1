/**
 * Plain English: what the skill says reads at Flesch–Kincaid grade 6 or below (a reading age of about 11,
 * as UK patient-information standards ask), per topic, per file, and all together. The figures are
 * printed on every run so an editor sees which passage is nearest the line.
 */
import { loadContent } from '../tools/content/load';
import { reading, readability, readabilityReport } from '../tools/readability';

const { compiled } = loadContent();
const TARGET = 6;

test('the measure itself: short plain sentences score low, long Latinate ones high', () => {
  expect(reading(['The cat sat on the mat. It was warm.']).grade).toBeLessThan(1);
  expect(reading(['Consideration of the multidisciplinary recommendations necessitates comprehensive evaluation of therapeutic alternatives.']).grade).toBeGreaterThan(15);
  // Digits are read digit by digit and aren't words to the formula; sentences end at . ? or !.
  expect(reading(['Call 0808 808 8000 now.'])).toMatchObject({ words: 2, sentences: 1 });
  expect(reading(['One. Two? Three!'])).toMatchObject({ words: 3, sentences: 3 });
});

test(`every topic, every file of spoken prompts, and all of it together read at grade ${TARGET} or below`, () => {
  console.info(readabilityReport(compiled));
  const { groups, guidance, all } = readability(compiled);
  const over = Object.entries({ ...groups, 'all the guidance': guidance, everything: all })
    .filter(([, r]) => r.grade > TARGET)
    .map(([name, r]) => `${name}: grade ${r.grade.toFixed(1)}`);
  expect(over).toEqual([]);
  // Every topic and file is measured: none is left out of the figures by a change to the grouping.
  expect(Object.keys(groups).filter((name) => name.startsWith('topic '))).toHaveLength(compiled.topics.length);
});
