// QUALITY.md: the benchmark's results, readable.
import type { DatasetResult } from "./dataset.js";

export function renderQualityMarkdown(
  run: { date: string; machine: string; engine: string; results: DatasetResult[] },
  ideasLog = "",
): string {
  const lines: string[] = [
    "# Quality benchmark",
    "",
    `Engine: ${run.engine} analyst (no model, no key, CPU only). Run ${run.date.slice(0, 10)} on ${run.machine}, with \`npm run bench:quality\`.`,
    "Dev splits only (SciFact dev, Check-COVID dev, LIAR-PLUS val, AVeriTeC dev; Climate-FEVER has a single set). Test splits are never used.",
    "",
    "The 95% interval beside a figure is a bootstrap over the claims (1,000 resamples, fixed seed): the range that chance alone, in which claims happen to be in the set, could give.",
    "",
    "| dataset | metric | Verity | 95% interval | target | published anchors | claims |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of run.results) {
    for (const m of r.metrics) {
      const met = m.target !== undefined && (m.lowerIsBetter ? m.value <= m.target : m.value >= m.target);
      const target = m.target === undefined ? "" : `${m.lowerIsBetter ? "≤" : "≥"} ${m.target} ${met ? "✓" : "✗"}`;
      const interval = m.interval ? `${m.interval[0].toFixed(3)} – ${m.interval[1].toFixed(3)}` : "";
      lines.push(
        `| ${r.dataset} (${r.split}) | ${m.name} | ${m.value.toFixed(3)} | ${interval} | ${target} | ${m.anchors.join("; ")} | ${r.claims} |`,
      );
    }
  }
  lines.push("", "## Per dataset", "");
  for (const r of run.results) {
    lines.push(
      `### ${r.dataset}`,
      "",
      `Task: ${r.task}. Check time per claim: median ${r.checkMs.median} ms, 90th percentile ${r.checkMs.p90} ms.`,
      "",
    );
    lines.push(`Label mapping: ${r.labelMapping}`, "");
    for (const n of r.notes) lines.push(`- ${n}`);
    if (r.confusion) {
      const predictedLabels = [...new Set(Object.values(r.confusion).flatMap((row) => Object.keys(row)))].sort();
      lines.push("", `| gold \\ predicted | ${predictedLabels.join(" | ")} |`, `|---|${predictedLabels.map(() => "---").join("|")}|`);
      for (const [gold, row] of Object.entries(r.confusion).sort()) {
        lines.push(`| ${gold} | ${predictedLabels.map((p) => row[p] ?? 0).join(" | ")} |`);
      }
    }
    lines.push("");
  }
  if (ideasLog) lines.push(ideasLog.trim(), "");
  return lines.join("\n");
}
