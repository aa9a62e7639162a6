import { analyzeArticle, answer, answerRequestSchema } from "./src/engine/index.ts";
import { readArticleFile } from "./src/files/folder-library.ts";

const article = analyzeArticle(readArticleFile("seeds/kenyan-officer-killed-in-haiti.txt"));
const req = answerRequestSchema.parse({ command: "when", query: "When did the mission arrive?" });
for (let i = 0; i < 300; i++) answer(article, req);
const t = [];
for (let i = 0; i < 3000; i++) {
  const s = performance.now();
  answer(article, req);
  t.push(performance.now() - s);
}
t.sort((a, b) => a - b);
console.log("median", t[1500].toFixed(3), "p99", t[2970].toFixed(3), "max", t[2999].toFixed(2));
