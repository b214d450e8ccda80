import { LAYOUTS, type ReportLayout } from './layouts.ts';
import { renderReport, planLayouts } from './render.ts';
import { REALISTIC_INJECT_RATE, realisticDraw } from './realism.ts';
import { makeRng } from './rng.ts';
import { generateTruth, type SynthTruth } from './truth.ts';
import type { ModernFormat } from '../../src/core/template/template.ts';

export interface SynthOptions {
  /** share of reports with injected deviations (0–1) */
  injectRate?: number;
  format?: ModernFormat;
  layout?: ReportLayout;
  /** empty cells leave no trace in layouts without pipes, instead of being written as '/' or '-' */
  vanish?: boolean;
  /** the corpus-level mix of realism.ts (places, levels, forms, 3% inconsistent) over these report years */
  realistic?: { years: readonly number[] };
}

export interface SynthReport {
  /** file name, stable for a (seed, index) */
  file: string;
  layout: ReportLayout;
  truth: SynthTruth;
  text: string;
}

const REPORT_LAYOUTS: readonly ReportLayout[] = [...LAYOUTS, 'mixed', 'mixed'];

/** Report number `index` of the corpus with seed `seed`: a pure function of both, independent of the other reports. */
export function generateReport(seed: number, index: number, opts: SynthOptions = {}): SynthReport {
  const rng = makeRng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
  const mix = opts.realistic ? realisticDraw(rng, opts.realistic.years) : undefined;
  const injectRate = opts.injectRate ?? (mix ? REALISTIC_INJECT_RATE : 0);
  const truth = generateTruth(rng, { injectRate, format: opts.format ?? mix?.format, year: mix?.year, place: mix?.place, organ_level: mix?.organ_level });
  const layout = opts.layout ?? rng.pick(REPORT_LAYOUTS);
  const plan = planLayouts(rng, truth, layout, opts.vanish ?? false);
  const text = renderReport(rng, truth, plan);
  const file = `synth_${seed}_${String(index).padStart(6, '0')}_${truth.format}_${layout}.txt`;
  return { file, layout, truth, text };
}

export function* generateCorpus(seed: number, n: number, opts: SynthOptions = {}): Generator<SynthReport> {
  for (let i = 0; i < n; i++) yield generateReport(seed, i, opts);
}
