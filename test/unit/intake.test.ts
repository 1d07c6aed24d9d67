import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  classifyInput,
  cleanTitle,
  questionToClaim,
  extractClaims,
  pickCategory,
  extractEntities,
  detectLanguage,
  thirdPerson,
  pastTense,
} from "../../src/analysts/local/input/index.js";
import { decodeEntities } from "../../src/domain/entities.js";
import { slugify } from "../../src/domain/slug.js";
import { CATEGORIES } from "../../src/domain/categories.js";

describe("classifyInput", () => {
  it("recognises a single http(s) or www URL", () => {
    assert.equal(classifyInput("https://example.com/news/2024/moon-landing-was-faked"), "url");
    assert.equal(classifyInput("  http://example.org  "), "url");
    assert.equal(classifyInput("www.bbc.co.uk/news/world-123"), "url");
  });

  it("does not take text containing a URL, or a non-http scheme, for a URL", () => {
    assert.notEqual(classifyInput("see https://example.com for more"), "url");
    assert.notEqual(classifyInput("ftp://example.com/file"), "url");
    assert.notEqual(classifyInput("javascript:alert(1)"), "url");
  });

  it("recognises questions by their '?' or their opening word", () => {
    assert.equal(classifyInput("Can local police refuse ICE detainer requests?"), "question");
    assert.equal(classifyInput("Vaccines cause autism?"), "question");
    assert.equal(classifyInput("is it true that vaccines cause autism"), "question");
    assert.equal(classifyInput("Does coffee cause cancer"), "question");
    assert.equal(classifyInput("How many people live in Tokyo"), "question");
  });

  it("does not mistake names, organisations and imperatives for question openers", () => {
    assert.equal(classifyInput("Will Smith slapped Chris Rock at the Oscars"), "claim");
    assert.equal(classifyInput("WHO declared a pandemic in 2020"), "claim");
    assert.equal(classifyInput("Do not trust vaccines"), "claim");
  });

  it("recognises short verbless phrases as topics", () => {
    assert.equal(classifyInput("vaccine safety"), "topic");
    assert.equal(classifyInput("Elon Musk"), "topic");
    assert.equal(classifyInput("Climate change"), "topic");
    assert.equal(classifyInput("Root causes of inflation"), "topic");
  });

  it("takes phrases with a verb or final punctuation as claims", () => {
    assert.equal(classifyInput("Vaccines cause autism"), "claim");
    assert.equal(classifyInput("Biden wins election"), "claim");
    assert.equal(classifyInput("The earth is flat."), "claim");
    assert.equal(classifyInput("Vaccine safety."), "claim");
    assert.equal(classifyInput("The new policy on border security will lower crime in every major American city"), "claim");
  });

  it("recognises pasted texts of several sentences", () => {
    assert.equal(classifyInput("The moon is made of cheese. It was proven in 1969. NASA hid it."), "text");
    const two = `${"Officials said the new bridge cost far more than planned, and ".repeat(3)}end. ${"Critics were not convinced by the figures at all. ".repeat(3)}`;
    assert.ok(two.length > 280);
    assert.equal(classifyInput(two), "text");
    // Two short sentences are not a pasted text.
    assert.equal(classifyInput("Vaccines are safe. Everyone knows it."), "claim");
  });
});

describe("cleanTitle", () => {
  it("strips scripts, tags and Markdown emphasis", () => {
    const title = cleanTitle("<script>alert(1)</script>Is **coffee** bad?", "question");
    assert.equal(title, "Is coffee bad?");
    assert.ok(!title.includes("<") && !title.includes("*"));
  });

  it("never lets encoded markup turn back into tags", () => {
    const title = cleanTitle("&lt;img src=x onerror=alert(1)&gt;Vaccines &amp; autism", "claim");
    assert.ok(!/[<>]/.test(title), title);
    assert.match(title, /Vaccines & autism$/);
    assert.equal(decodeEntities("&amp;lt;"), "&lt;");
    assert.equal(decodeEntities("caf&eacute; &#233; &#x41;"), "café é A");
  });

  it("keeps the text of Markdown links and drops headings, bullets and quote markers", () => {
    assert.equal(cleanTitle("> - [Vaccines](https://x.com/a) cause _autism_.", "claim"), "Vaccines cause autism");
    assert.equal(cleanTitle("## Do vaccines cause `autism`", "question"), "Do vaccines cause autism?");
  });

  it("titles a URL from its path and host", () => {
    assert.equal(cleanTitle("https://example.com/news/2024/moon-landing-was-faked", "url"), "Moon landing was faked (example.com)");
    assert.equal(cleanTitle("https://www.example.org/articles/why_coffee_is_good.html", "url"), "Why coffee is good (example.org)");
    assert.equal(cleanTitle("https://example.com/", "url"), "example.com");
  });

  it("removes raw URLs from other kinds of input", () => {
    assert.equal(cleanTitle("Is this true? https://example.com/x", "question"), "Is this true?");
  });

  it("fixes spacing, repeated punctuation, capitalisation and typos", () => {
    assert.equal(cleanTitle("is coffee bad ??", "question"), "Is coffee bad?");
    assert.equal(cleanTitle("teh goverment will recieve  the money .", "claim"), "The government will receive the money");
    assert.equal(cleanTitle("I beleive it,but Teh data disagree", "claim"), "I believe it, but The data disagree");
    assert.equal(cleanTitle("wow!!! really", "claim"), "Wow! really");
  });

  it("gives questions a '?' and claims no final period (keeping abbreviations)", () => {
    assert.equal(cleanTitle("Does coffee cause cancer", "question"), "Does coffee cause cancer?");
    assert.equal(cleanTitle("Coffee causes cancer.", "claim"), "Coffee causes cancer");
    assert.equal(cleanTitle("Crime fell in the U.S.", "claim"), "Crime fell in the U.S.");
  });

  it("titles a pasted text with its first sentence, cut at a word boundary", () => {
    const text =
      "The city council voted on Tuesday to approve a sweeping new budget that raises property taxes for most residents by nearly twelve percent. Critics objected. Supporters cheered.";
    const title = cleanTitle(text, "text");
    assert.ok(title.length <= 100, title);
    assert.ok(title.startsWith("The city council voted on Tuesday"));
    assert.ok(title.endsWith("…"));
    assert.ok(!title.includes("Critics"));
    assert.equal(
      cleanTitle("Vaccines are safe,according to the CDC.They work. Really.", "text"),
      "Vaccines are safe, according to the CDC",
    );
  });

  it("never returns an empty title", () => {
    assert.equal(cleanTitle("", "claim"), "Untitled check");
    assert.equal(cleanTitle("   <p></p> ** ", "question"), "Untitled check");
    assert.equal(cleanTitle("<script>alert(1)</script>", "text"), "Untitled check");
  });
});

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
  });

  it("returns at most five claims, and at least the best one", () => {
    const facts = Array.from({ length: 8 }, (_, i) => `In ${2001 + i} the Bank of England raised rates by ${i + 1} percent.`).join(" ");
    const claims = extractClaims(facts, "text");
    assert.equal(claims.length, 5);
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

describe("pickCategory", () => {
  it("picks categories from stemmed keywords", () => {
    assert.equal(pickCategory("Can local police refuse ICE detainer requests?"), "justice");
    assert.equal(pickCategory("Do vaccines cause autism?"), "health");
    assert.equal(pickCategory("Is the Great Wall of China visible from space?"), "science");
    assert.equal(pickCategory("Is climate change real?"), "environment");
    assert.equal(pickCategory("Has the unemployment rate fallen since 2020?"), "business");
    assert.equal(pickCategory("Did Messi win the World Cup with his team?"), "sports");
  });

  it("reads ICE as the agency only in capitals", () => {
    assert.equal(pickCategory("Is the Arctic ice melting?"), "environment");
    assert.equal(pickCategory("Are ICE raids legal?"), "justice");
  });

  it("falls back to 'other' and always returns a known category", () => {
    assert.equal(pickCategory("Hello there"), "other");
    assert.equal(pickCategory(""), "other");
    assert.ok((CATEGORIES as readonly string[]).includes(pickCategory("random words about nothing")));
  });
});

describe("extractEntities", () => {
  it("finds people and places, skipping the question's auxiliary", () => {
    assert.deepEqual(extractEntities("Did Barack Obama meet Angela Merkel in Berlin?"), [
      { name: "Barack Obama", type: "person" },
      { name: "Angela Merkel", type: "person" },
      { name: "Berlin", type: "place" },
    ]);
  });

  it("finds acronyms as organisations and never the sentence-initial auxiliary", () => {
    const entities = extractEntities("Can local police refuse ICE detainer requests?");
    assert.deepEqual(entities, [{ name: "ICE", type: "organization" }]);
    assert.ok(!entities.some((e) => e.name === "Can"));
  });

  it("keeps connectors inside names and types organisations by their words", () => {
    const entities = extractEntities("The Bank of England raised rates, according to the New York Times.");
    assert.deepEqual(entities, [
      { name: "Bank of England", type: "organization" },
      { name: "New York Times", type: "organization" },
    ]);
    assert.deepEqual(
      extractEntities("Is the Great Wall of China visible from space?").map((e) => e.name),
      ["Great Wall of China"],
    );
  });

  it("uses titles for people and drops lone sentence-initial common words", () => {
    const entities = extractEntities("Vaccines cause autism, said President Joe Biden. Mr. Smith disagreed.");
    assert.deepEqual(entities, [
      { name: "Joe Biden", type: "person" },
      { name: "Smith", type: "person" },
    ]);
  });

  it("keeps a sentence-initial acronym or known place", () => {
    const names = extractEntities("WHO declared COVID-19 a pandemic. Germany agreed.");
    assert.deepEqual(names, [
      { name: "WHO", type: "organization" },
      { name: "COVID-19", type: "other" },
      { name: "Germany", type: "place" },
    ]);
  });

  it("de-duplicates case-insensitively and keeps at most 12", () => {
    const dup = extractEntities("Paris is big. I love PARIS and Paris.");
    assert.equal(dup.filter((e) => e.name.toLowerCase() === "paris").length, 1);
    const many = Array.from({ length: 20 }, (_, i) => `Visit Town${String.fromCharCode(65 + i)}ville now`).join(", ");
    assert.equal(extractEntities(many).length, 12);
  });
});

describe("slugify", () => {
  it("makes lower-case ASCII words joined by '-'", () => {
    assert.equal(slugify("Is the Great Wall of China visible from space?"), "is-the-great-wall-of-china-visible-from-space");
    assert.equal(slugify("  Café “Zürich” — déjà vu!  "), "cafe-zurich-deja-vu");
    assert.equal(slugify("Don't panic: Straße & Co."), "dont-panic-strasse-and-co");
  });

  it("cuts at a word boundary within 60 characters", () => {
    const slug = slugify("Electric cars are worse for the environment than petrol cars according to several studies");
    assert.ok(slug.length <= 60, slug);
    assert.ok(!slug.endsWith("-"));
    assert.equal(slug, "electric-cars-are-worse-for-the-environment-than-petrol-cars");
    assert.equal(slugify("a".repeat(80)).length, 60);
  });

  it("is never empty", () => {
    assert.equal(slugify(""), "check");
    assert.equal(slugify("???"), "check");
    assert.equal(slugify("日本語"), "check");
  });
});

describe("detectLanguage", () => {
  it("detects the supported languages by their function words", () => {
    assert.equal(detectLanguage("Do vaccines cause autism in children?"), "en");
    assert.equal(detectLanguage("Las vacunas no causan autismo según los estudios."), "es");
    assert.equal(detectLanguage("Est-ce que le café est mauvais pour la santé?"), "fr");
    assert.equal(detectLanguage("Ist Kaffee schlecht für die Gesundheit?"), "de");
    assert.equal(detectLanguage("Il caffè è dannoso per la salute?"), "it");
    assert.equal(detectLanguage("O café faz mal para a saúde?"), "pt");
    assert.equal(detectLanguage("Is koffie slecht voor je gezondheid?"), "nl");
  });

  it("says 'en' when unsure", () => {
    assert.equal(detectLanguage(""), "en");
    assert.equal(detectLanguage("Elon Musk"), "en");
    assert.equal(detectLanguage("Did Napoleon die in 1821?"), "en");
  });
});

describe("questionToClaim with less common irregular verbs", () => {
  it("places the auxiliary after a compound subject when the participle is irregular", () => {
    assert.equal(questionToClaim("Has sea level rise sped up since the 1990s?"), "Sea level rise has sped up since the 1990s.");
    assert.equal(questionToClaim("Has the campaign misled voters?"), "The campaign has misled voters.");
  });
});
