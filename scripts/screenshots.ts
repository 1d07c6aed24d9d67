// Screenshots of the website for the docs: the home, progress and report pages, and a report on a
// question asked in Spanish, at a desktop width (1280×800) and a phone width (390×844), written to docs/*.png.
// A real server on 127.0.0.1 over a temporary data directory (the test library plus a
// few documents, a handful of checks, a campaign), Debian's Chromium via playwright-core.
//
//   npm run screenshots            # writes docs/{home,progress,report,report-es}-{desktop,phone}.png
//   npm run screenshots -- out/    # somewhere else
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import type { IncomingDocument } from "../src/domain/document.js";
import { launchChromium, startSite, type TestSite } from "../test/helpers/live-site.js";

const OUT_DIR = path.resolve(process.argv[2] ?? "docs");

const VIEWPORTS: Record<"desktop" | "phone", BrowserContextOptions> = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
};

/** Tall pages are cut here (the part a reader sees first is what the docs show), keeping each PNG small. */
const MAX_HEIGHT: Record<string, Record<"desktop" | "phone", number>> = {
  home: { desktop: 1400, phone: 2000 },
  progress: { desktop: 1800, phone: 2400 },
  report: { desktop: 1800, phone: 2400 },
  "report-es": { desktop: 1800, phone: 2400 },
};
const MAX_BYTES = 300 * 1024;

function doc(key: string, title: string, text: string, extra: Partial<IncomingDocument> = {}): IncomingDocument {
  return { key, title, text, url: null, publisher: null, author: null, publishedAt: null, format: "jsonl", origin: key, ...extra };
}

const DOCUMENTS: IncomingDocument[] = [
  doc(
    "jsonl:mmr",
    "Vaccines and autism: what the studies found",
    "A Danish cohort study of more than 650,000 children found that the MMR vaccine does not cause autism. " +
      "The 1998 paper that suggested a link was retracted by The Lancet in 2010. " +
      "Vaccination rates fell in several countries after the paper, and measles outbreaks followed.",
    { publisher: "Public Health Review", publishedAt: "2019-03-05", url: "https://example.org/mmr-autism" },
  ),
  doc(
    "jsonl:sea-level",
    "Sea level rise since 1900",
    "Global mean sea level has risen by about 20 centimetres since 1900. " +
      "The rate of sea level rise has roughly doubled since the 1990s, according to satellite measurements. " +
      "Melting glaciers and the expansion of warming sea water are the main causes.",
    { publisher: "Climate Science Digest", publishedAt: "2024-06-12", url: "https://example.org/sea-level" },
  ),
  doc(
    "jsonl:vacunas",
    "Vacunas y autismo: lo que encontraron los estudios",
    "Un estudio de cohortes danés con más de 650.000 niños concluyó que la vacuna triple vírica no causa autismo. " +
      "El artículo de 1998 que sugirió una relación entre las vacunas y el autismo fue retirado por The Lancet en 2010. " +
      "Tras aquel artículo bajaron las tasas de vacunación en varios países y hubo brotes de sarampión.",
    { publisher: "Revista de Salud Pública", publishedAt: "2019-03-05", url: "https://example.org/vacunas-autismo" },
  ),
];

const CHECKS = [
  "Barack Obama said the Great Wall of China is visible from space",
  "Does the MMR vaccine cause autism?",
  "Has the rate of sea level rise doubled since the 1990s?",
  "Does coffee cause cancer?",
  "Can local police refuse ICE detainer requests?",
];
const REPORT = "Can local police refuse ICE detainer requests?";
/** A question in Spanish: the report, its headings and the analyst's own sentences are Spanish. */
const SPANISH = "¿La vacuna triple vírica causa autismo?";
const IN_PROGRESS = "Can sheriffs refuse detainer requests without a judicial warrant?";

async function shoot(page: Page, name: string, kind: "desktop" | "phone"): Promise<string> {
  await page.waitForLoadState("load");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) console.warn(`warning: ${name} (${kind}) is ${overflow} px wider than the screen`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = VIEWPORTS[kind].viewport!.width;
  const file = path.join(OUT_DIR, `${name}-${kind}.png`);
  const png = await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT[name]![kind]) },
    animations: "disabled",
  });
  if (png.length > MAX_BYTES) console.warn(`warning: ${file} is ${Math.round(png.length / 1024)} KB`);
  return file;
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  let site: TestSite | null = null;
  let browser: Browser | null = null;
  try {
    site = await startSite({ documents: DOCUMENTS, donations: [1250, 480, 95, 40] });
    const reports = new Map<string, string>();
    for (const question of CHECKS) reports.set(question, (await site.check(question)).url);
    browser = await launchChromium();
    const written: string[] = [];
    const pages = {} as Record<"desktop" | "phone", Page>;
    for (const kind of ["desktop", "phone"] as const) {
      const context = await browser.newContext({ ...VIEWPORTS[kind], baseURL: site.url, colorScheme: "light" });
      context.setDefaultTimeout(20_000);
      pages[kind] = await context.newPage();
    }

    // Reads, so "Most read" has an order: the report twice, the others once.
    for (const url of [...reports.values(), reports.get(REPORT)!]) await pages.desktop.goto(url);

    for (const kind of ["desktop", "phone"] as const) {
      await pages[kind].goto("/");
      await pages[kind].locator("[data-testid=latest-checks]").waitFor();
      written.push(await shoot(pages[kind], "home", kind));
    }

    // A check held in its gather stage, asked from the form and watched from both widths.
    site.gate.hold();
    const desktop = pages.desktop;
    await desktop.goto("/");
    await desktop.locator("#ask-input").fill(IN_PROGRESS);
    await desktop.locator("[data-testid=ask-submit]").click();
    await desktop.waitForURL((url) => url.pathname.startsWith("/progress/"));
    await site.gate.arrived();
    const progressPath = new URL(desktop.url()).pathname;
    for (const kind of ["desktop", "phone"] as const) {
      if (kind === "phone") await pages.phone.goto(progressPath);
      await pages[kind].locator("[data-testid=stage-gather][data-state=running]").waitFor();
      await pages[kind].locator("[data-testid=stage-intake] .detail").filter({ hasText: /\S/ }).waitFor();
      written.push(await shoot(pages[kind], "progress", kind));
    }
    site.gate.release();
    await desktop.waitForURL((url) => url.pathname.startsWith("/checks/"));

    // Checked last, so that the home page shows what it showed before there was a Spanish report.
    reports.set(SPANISH, (await site.check(SPANISH)).url);
    for (const kind of ["desktop", "phone"] as const) {
      await pages[kind].goto(reports.get(REPORT)!);
      await pages[kind].locator("[data-testid=verdict-badge]").waitFor();
      written.push(await shoot(pages[kind], "report", kind));
      await pages[kind].goto(reports.get(SPANISH)!);
      await pages[kind].locator("[data-testid=verdict-badge]").waitFor();
      written.push(await shoot(pages[kind], "report-es", kind));
    }
    for (const file of written) console.log(path.relative(process.cwd(), file));
  } finally {
    await browser?.close().catch(() => {});
    await site?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
