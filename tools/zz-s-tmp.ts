import { rankPassages } from '../lambda/search/passages';
for (const q of process.argv.slice(2)) {
  console.log(
    q,
    '→',
    rankPassages(q)
      .slice(0, 5)
      .map((h) => `${h.topic.id}#${h.key} ${h.score.toFixed(1)}`)
      .join(' | '),
  );
}
