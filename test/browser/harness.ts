// scripts/screenshots.ts still imports the live site from here; the helpers live in test/helpers/.
export { launchChromium, startSite, type TestSite } from "../helpers/live-site.js";
