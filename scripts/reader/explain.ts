// Shows how the reader reads questions about one article file: the answerability probability, the answer phrase
// and the three best sentences with their probabilities.
//   npx tsx scripts/reader/explain.ts ARTICLE_FILE "Question one?" ["Question two?" …]
import { analyzeArticle } from "../../src/engine/parse/analyze.ts";
import { read } from "../../src/engine/reader/read.ts";
import { readArticleFile } from "../../src/files/folder-library.ts";

const [file, ...questions] = process.argv.slice(2);
if (!file || questions.length === 0) {
  process.stderr.write('usage: explain.ts ARTICLE_FILE "Question?" …\n');
  process.exit(2);
}
const article = analyzeArticle(readArticleFile(file));
for (const question of questions) {
  const r = read(article, question);
  const phrase = r.answer ? article.text.slice(r.answer.start, r.answer.end) : "—";
  console.log(
    `${question}\n  answerable ${r.answerable.toFixed(3)} (${r.answers ? "answers" : "refuses"}), phrase: ${phrase}`,
  );
  for (const s of r.ranked.slice(0, 3))
    console.log(
      `  ${s.probability.toFixed(3)}  ¶${article.sentences[s.sentence]?.paragraph}  ${article.sentences[s.sentence]?.text}`,
    );
}
