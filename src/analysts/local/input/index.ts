// Intake: the local analyst's language functions for a new input (no LLM).
export { classifyInput, isUrlInput } from "./classify.js";
export { cleanTitle, decodeEntities, stripHtml, stripMarkdown, fixTypos, tidyPunctuation, titleFromUrl, FALLBACK_TITLE } from "./title.js";
export {
  questionToClaim,
  extractClaims,
  checkWorthiness,
  thirdPerson,
  pastTense,
  verbBase,
  BASE_VERBS,
  IRREGULAR_VERBS,
  type ExtractedClaim,
} from "./claims.js";
export { pickCategory, categoryScores } from "./category.js";
export { extractEntities } from "./entities.js";
export { detectLanguage, LANGUAGES, type Language } from "./language.js";
