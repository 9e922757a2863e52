/**
 * seed (Selerix "Configuration Options"): "Default Benefit Level … select which benefit level you want as the default
 * level. You can also select "None" … no Benefit Level will be pre-selected … and will require the enrollee to select
 * a benefit level prior to making an election." An enrollment line that leaves Option blank takes the plan's default
 * level; with None it must name one. Pure.
 */
export interface NamedLevel {
  id: number;
  name: string;
}

export type LevelChoice<L extends NamedLevel> = { level: L; defaulted: boolean } | { level?: undefined; message: string };

/** The level the line names, else the plan's default; None and no level named: a message saying what to do. */
export function chooseBenefitLevel<L extends NamedLevel>(named: L | undefined, defaultLevel: L | undefined, planName: string, levels: string[]): LevelChoice<L> {
  if (named) return { level: named, defaulted: false };
  if (defaultLevel) return { level: defaultLevel, defaulted: true };
  return { message: `${planName} has no Default Benefit Level (None), so the enrollee must pick one: name the level in Option (${levels.join(', ') || 'the plan has none yet'}), or give a Rate Amount or Coverage Amount.` };
}
