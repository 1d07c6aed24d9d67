// Off-topic questions: questions of our own that no abstract in the SciFact library can answer (sport,
// history, geography, politics, technology). A reader trusts a report only if it says so: nothing
// should be cited, no source given a stance, and every verdict should be "unverified".
import { take, type Dataset } from "../dataset.js";
import { scifactLibrary } from "./scifact.js";
import { unanswerableFigures } from "./unanswerable.js";

export const OFF_TOPIC_QUESTIONS = [
  "Did the Roman Empire fall in 476 AD?",
  "Can local law enforcement agencies refuse to cooperate with ICE requests?",
  "Did France win the 2018 FIFA World Cup?",
  "Is Mount Everest the tallest mountain on Earth?",
  "Did Napoleon lose the Battle of Waterloo?",
  "Is Canberra the capital of Australia?",
  "Does the US Senate have 100 members?",
  "Did the Berlin Wall fall in 1989?",
  "Is the Amazon the longest river in the world?",
  "Did Apollo 11 land on the Moon in 1969?",
  "Was the Eiffel Tower built for the 1889 World's Fair?",
  "Does a US president serve a four-year term?",
  "Is chess an Olympic sport?",
  "Did Shakespeare write Don Quixote?",
  "Does the Electoral College decide US presidential elections?",
  "Is the supply of Bitcoin capped at 21 million coins?",
  "Did the Titanic sink on its maiden voyage?",
  "Is Tokyo the most populous city in the world?",
  "Has Brazil won more football World Cups than any other country?",
  "Is the filibuster written into the US Constitution?",
  "Did the Wright brothers make the first powered flight in 1903?",
  "Is Pluto classified as a dwarf planet?",
  "Does the US Supreme Court have nine justices?",
  "Was the Magna Carta sealed in 1215?",
  "Does Iceland have a standing army?",
  "Is the Sahara the largest desert in the world?",
  "Did Michael Jordan win six NBA championships?",
  "Can a sitting US president be indicted?",
  "Is English the official language of the United States?",
  "Did the Beatles come from Liverpool?",
  "Is Switzerland a member of the European Union?",
  "Was the first iPhone released in 2007?",
  "Did the Treaty of Versailles end the First World War?",
  "Is Venice built on more than 100 islands?",
  "Does raising the minimum wage reduce employment?",
];

export const offTopic: Dataset = {
  name: "off-topic",
  async run({ dataDir, limit, workspace, log }) {
    const verity = await workspace.libraryOf("scifact-off-topic", await scifactLibrary(dataDir));
    const questions = take(OFF_TOPIC_QUESTIONS, limit);
    const figures = await unanswerableFigures(verity, questions, 0).finally(() => verity.close());
    log(`  off-topic: ${figures.citing} of ${questions.length} cite something`);
    return {
      dataset: "Off-topic questions",
      split: `${questions.length} questions of our own, over the SciFact library`,
      task: "questions no abstract in the library can answer: nothing should be cited, every verdict unverified",
      claims: questions.length,
      metrics: figures.metrics,
      labelMapping: "none: every question should come back unverified with nothing cited.",
      checkMs: figures.checkMs,
      notes: figures.notes,
    };
  },
};
