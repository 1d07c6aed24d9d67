// The claims of an input: a question's implied claim, the check-worthy sentences of a text, and the
// verb forms they need.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { questionToClaim, extractClaims, selectClaims, thirdPerson, pastTense } from "../../../../../src/analysts/local/input/claims.js";
import { cleanTitle } from "../../../../../src/analysts/local/input/title.js";

describe("questionToClaim", () => {
  const cases: [string, string][] = [
    ["Can local police refuse ICE detainer requests?", "Local police can refuse ICE detainer requests."],
    ["Is the Great Wall of China visible from space?", "The Great Wall of China is visible from space."],
    ["Does coffee cause cancer?", "Coffee causes cancer."],
    ["Do vaccines cause autism?", "Vaccines cause autism."],
    ["Did Napoleon die in 1821?", "Napoleon died in 1821."],
    ["Are electric cars worse for the environment than petrol cars?", "Electric cars are worse for the environment than petrol cars."],
    ["Has the unemployment rate fallen since 2020?", "The unemployment rate has fallen since 2020."],
    ["Was Einstein bad at math?", "Einstein was bad at math."],
    ["Is it true that 5G spreads COVID-19?", "5G spreads COVID-19."],
    ["Will sea levels rise by 1 metre by 2100?", "Sea levels will rise by 1 metre by 2100."],
  ];
  for (const [question, claim] of cases) {
    it(`${question} → ${claim}`, () => assert.equal(questionToClaim(question), claim));
  }

  it("handles irregular verbs, noun compounds, adverbs and negation", () => {
    assert.equal(questionToClaim("Did the Titanic sink in 1912?"), "The Titanic sank in 1912.");
    assert.equal(questionToClaim("Did Trump ban Muslims?"), "Trump banned Muslims.");
    assert.equal(questionToClaim("Does climate change cause wildfires?"), "Climate change causes wildfires.");
    assert.equal(questionToClaim("Does coffee really cause cancer?"), "Coffee really causes cancer.");
    assert.equal(questionToClaim("Does coffee not cause cancer?"), "Coffee does not cause cancer.");
    assert.equal(questionToClaim("Isn't coffee bad for you?"), "Coffee is bad for you.");
    assert.equal(questionToClaim("Does Russia have nuclear weapons?"), "Russia has nuclear weapons.");
    // Verbs outside the lexicon still get inflected, after any adverb or negation.
    assert.equal(questionToClaim("Does coffee really matter?"), "Coffee really matters.");
    assert.equal(questionToClaim("Does coffee not matter?"), "Coffee does not matter.");
    assert.equal(questionToClaim("Did Caesar conquer Gaul?"), "Caesar conquered Gaul.");
  });

  it("finds the predicate after is/are/was/has", () => {
    assert.equal(questionToClaim("Is global warming real?"), "Global warming is real.");
    assert.equal(questionToClaim("Was the moon landing faked?"), "The moon landing was faked.");
    assert.equal(questionToClaim("Was the 2020 election stolen?"), "The 2020 election was stolen.");
    assert.equal(questionToClaim("Is the population of the UK over 60 million?"), "The population of the UK is over 60 million.");
    assert.equal(questionToClaim("Is Paris the capital of France?"), "Paris is the capital of France.");
    assert.equal(questionToClaim("Is there life on Mars?"), "There is life on Mars.");
    assert.equal(questionToClaim("Are cheap electric cars worse than petrol cars?"), "Cheap electric cars are worse than petrol cars.");
    assert.equal(questionToClaim("Were the pyramids built by slaves?"), "The pyramids were built by slaves.");
    assert.equal(questionToClaim("Have vaccines been tested on children?"), "Vaccines have been tested on children.");
  });

  it("keeps wh-questions as their text without '?', except why-questions' presupposition", () => {
    assert.equal(questionToClaim("Who won the 2020 US election?"), "Who won the 2020 US election");
    assert.equal(questionToClaim("How many people live in Tokyo?"), "How many people live in Tokyo");
    assert.equal(questionToClaim("Why is the sky blue?"), "The sky is blue.");
  });

  it("turns a declarative question into a statement", () => {
    assert.equal(questionToClaim("vaccines cause autism??"), "Vaccines cause autism.");
  });

  it("conjugates regular and irregular verbs", () => {
    assert.equal(thirdPerson("cause"), "causes");
    assert.equal(thirdPerson("reach"), "reaches");
    assert.equal(thirdPerson("carry"), "carries");
    assert.equal(thirdPerson("have"), "has");
    assert.equal(pastTense("die"), "died");
    assert.equal(pastTense("stop"), "stopped");
    assert.equal(pastTense("carry"), "carried");
    assert.equal(pastTense("visit"), "visited");
    assert.equal(pastTense("win"), "won");
    assert.equal(pastTense("go"), "went");
  });
});

describe("extractClaims", () => {
  it("gives a question's implied claim over the whole input", () => {
    const input = "Do vaccines cause autism?";
    assert.deepEqual(extractClaims(input, "question"), [{ text: "Vaccines cause autism.", span: { start: 0, end: input.length } }]);
  });

  it("tidies a claim and spans it without surrounding spaces", () => {
    const input = "  vaccines   cause autism..  ";
    const [claim, ...rest] = extractClaims(input, "claim");
    assert.equal(rest.length, 0);
    assert.equal(claim?.text, "Vaccines cause autism.");
    assert.equal(input.slice(claim!.span.start, claim!.span.end), "vaccines   cause autism..");
  });

  it("unwraps a quoted claim", () => {
    assert.equal(extractClaims("“Vaccines cause autism”", "claim")[0]?.text, "Vaccines cause autism");
    assert.equal(cleanTitle('"Is coffee bad"?', "question"), "Is coffee bad?");
  });

  it("keeps a topic as is and gives a URL no claim", () => {
    assert.deepEqual(
      extractClaims("vaccine safety", "topic").map((c) => c.text),
      ["vaccine safety"],
    );
    assert.deepEqual(extractClaims("https://example.com/a", "url"), []);
    assert.deepEqual(extractClaims("   ", "claim"), []);
  });

  it("picks the check-worthy sentences of a text, in order, with exact offsets", () => {
    const text = `I think this is outrageous. According to the CDC, measles cases rose by 300% in 2019.  Share this post!
The Eiffel Tower is the tallest structure in Paris. What do you think? Vaccines caused 5,000 deaths in Germany last year, the report claims. It was fun.
We went home.`;
    const claims = extractClaims(text, "text");
    assert.deepEqual(
      claims.map((c) => c.text),
      [
        "According to the CDC, measles cases rose by 300% in 2019.",
        "The Eiffel Tower is the tallest structure in Paris.",
        "Vaccines caused 5,000 deaths in Germany last year, the report claims.",
      ],
    );
    for (const c of claims) assert.equal(text.slice(c.span.start, c.span.end), c.text);
    assert.deepEqual(
      selectClaims(text).unchecked,
      [
        { text: "I think this is outrageous.", reason: "opinion" },
        { text: "Share this post!", reason: "instruction" },
        { text: "What do you think?", reason: "question" },
        { text: "It was fun.", reason: "too-short" },
        { text: "We went home.", reason: "too-short" },
      ],
      "every sentence not checked is listed with its reason",
    );
  });

  it("checks each sentence of the issue's three-claim text, and names a repeated sentence a duplicate", () => {
    const text =
      "Regular coffee drinking lowers the risk of type 2 diabetes. Smoking during pregnancy doubles the risk of sudden infant death syndrome. " +
      "Taking aspirin every day prevents colorectal cancer in all adults.";
    assert.equal(selectClaims(text).claims.length, 3);
    const twice = `${text} Smoking during pregnancy doubles the risk of sudden infant death syndrome.`;
    assert.deepEqual(selectClaims(twice).unchecked, [
      { text: "Smoking during pregnancy doubles the risk of sudden infant death syndrome.", reason: "duplicate" },
    ]);
    assert.deepEqual(selectClaims("The weather was nice and we all had a lovely day out.").unchecked, []);
  });

  it("checks the three claims of the same text in Spanish, French, German and Portuguese, and sets aside opinions and appeals", () => {
    const texts: Record<string, [string, string[], { text: string; reason: string }[]]> = {
      es: [
        "Beber café con regularidad reduce el riesgo de diabetes tipo 2. Fumar durante el embarazo duplica el riesgo de muerte súbita del lactante. " +
          "Tomar aspirina todos los días previene el cáncer colorrectal en todos los adultos. Creo que es un escándalo.",
        ["Beber café", "Fumar durante", "Tomar aspirina"],
        [{ text: "Creo que es un escándalo.", reason: "opinion" }],
      ],
      fr: [
        "Boire du café régulièrement réduit le risque de diabète de type 2. Fumer pendant la grossesse double le risque de mort subite du nourrisson. " +
          "Prendre de l'aspirine chaque jour prévient le cancer colorectal chez tous les adultes. Partagez cet article !",
        ["Boire du café", "Fumer pendant", "Prendre de l'aspirine"],
        [{ text: "Partagez cet article !", reason: "instruction" }],
      ],
      de: [
        "Regelmäßiger Kaffeekonsum senkt das Risiko für Typ-2-Diabetes. Rauchen in der Schwangerschaft verdoppelt das Risiko für plötzlichen Kindstod. " +
          "Täglich Aspirin verhindert Darmkrebs bei allen Erwachsenen. Ich glaube, das ist ein Skandal.",
        ["Regelmäßiger Kaffeekonsum", "Rauchen in", "Täglich Aspirin"],
        [{ text: "Ich glaube, das ist ein Skandal.", reason: "opinion" }],
      ],
      pt: [
        "Beber café regularmente reduz o risco de diabetes tipo 2. Fumar durante a gravidez duplica o risco de morte súbita do lactente. " +
          "Tomar aspirina todos os dias previne o cancro colorretal em todos os adultos. Acho que isto é um escândalo.",
        ["Beber café", "Fumar durante", "Tomar aspirina"],
        [{ text: "Acho que isto é um escândalo.", reason: "opinion" }],
      ],
    };
    for (const [language, [text, openings, unchecked]] of Object.entries(texts)) {
      const selected = selectClaims(text, language);
      assert.deepEqual(
        selected.claims.map((c) => openings.find((o) => c.text.startsWith(o))),
        openings,
        `${language}: ${selected.claims.map((c) => c.text).join(" | ")}`,
      );
      assert.deepEqual(selected.unchecked, unchecked, language);
    }
  });

  it("returns at most eight claims, and at least the best one", () => {
    const facts = Array.from({ length: 10 }, (_, i) => `In ${2001 + i} the Bank of England raised rates by ${i + 1} percent.`).join(" ");
    const claims = extractClaims(facts, "text");
    assert.equal(claims.length, 8);
    assert.deepEqual(
      selectClaims(facts).unchecked.map((u) => u.reason),
      ["over-limit", "over-limit"],
      "the check-worthy sentences beyond the limit are listed, not dropped",
    );
    for (const c of claims) assert.equal(facts.slice(c.span.start, c.span.end), c.text);
    const starts = claims.map((c) => c.span.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );

    const chatter = "I feel fine. What now? Go home. It was fun.";
    const weak = extractClaims(chatter, "text");
    assert.equal(weak.length, 1);
    assert.equal(chatter.slice(weak[0]!.span.start, weak[0]!.span.end), weak[0]!.text);
  });
});

describe("questionToClaim with less common irregular verbs", () => {
  it("places the auxiliary after a compound subject when the participle is irregular", () => {
    assert.equal(questionToClaim("Has sea level rise sped up since the 1990s?"), "Sea level rise has sped up since the 1990s.");
    assert.equal(questionToClaim("Has the campaign misled voters?"), "The campaign has misled voters.");
  });
});
