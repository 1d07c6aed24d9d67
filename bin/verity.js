#!/usr/bin/env node
// Entry point of the `verity` command (built from src/ by `npm run build`, which `npm ci` runs).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
