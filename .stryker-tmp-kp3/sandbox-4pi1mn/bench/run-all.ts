// @ts-nocheck
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One measured figure; `target` says what it should reach (e.g. "≥ 5000"). */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

interface BenchModule {
  run(): Promise<BenchResult[]>;
}

/** Runs every bench/*.bench.ts (or those named on the command line) and prints one table. */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
    .sort();
  const rows: BenchResult[] = [];
  for (const file of files) {
    const module = (await import(join(__dirname, file))) as BenchModule;
    console.log(`running ${file} ...`);
    rows.push(...(await module.run()));
  }
  const width = Math.max(...rows.map((row) => row.name.length), 10);
  for (const row of rows) {
    const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(2);
    console.log(
      `${row.name.padEnd(width)}  ${value.padStart(12)} ${row.unit}${row.target ? `  (target ${row.target})` : ''}`,
    );
  }
}

void main();
