/**
 * The seed's step-down rules (Selerix "Step Down Tab"): "A valid Step Down configuration must start with 0, and each
 * subsequent step down must be larger than the previous"; and "Age Band, and Benefit Amount can ONLY be added or
 * deleted if ALL Step Downs for that Benefit Level are set to 0". Pure: the callers bring a level's stored steps with
 * the upload's changes applied.
 */
export interface Step {
  lowerAge: number;
  percent: number;
}

/** What is wrong with a level's steps (in age order), or undefined when they are valid. */
export function stepDownProblem(steps: Step[]): string | undefined {
  const sorted = [...steps].sort((a, b) => a.lowerAge - b.lowerAge);
  if (sorted.length === 0) return undefined;
  if (sorted[0].percent !== 0) return `The first step-down (age ${sorted[0].lowerAge}) must be 0, not ${sorted[0].percent}.`;
  for (let i = 1; i < sorted.length; i += 1) {
    const [before, step] = [sorted[i - 1], sorted[i]];
    if (!(step.percent > before.percent)) {
      return `The step-down at age ${step.lowerAge} (${step.percent}) must be larger than the one at age ${before.lowerAge} (${before.percent}).`;
    }
  }
  return undefined;
}

/** True when the level's age bands and benefit amounts may be added or deleted: every step-down is 0 (or there is none). */
export function bandsMayChange(steps: Step[]): boolean {
  return steps.every((s) => s.percent === 0);
}
