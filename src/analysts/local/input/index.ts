// Input: the local analyst's language functions for a new input (no LLM).
export { classifyInput } from "./classify.js";
export { cleanTitle } from "./title.js";
export { extractClaims, selectClaims } from "./claims.js";
export { pickCategory } from "./category.js";
export { extractEntities } from "./entities.js";
export { detectLanguage } from "./language.js";
