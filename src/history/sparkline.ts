/** Terminal sparklines: one block character per value, scaled between the series' lowest and highest. */

const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * `values` as a sparkline, up is more; a missing value (null) is a space. A flat series is drawn at mid
 * height, so a steady score is not mistaken for a collapse.
 */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return ' '.repeat(values.length);
  const low = Math.min(...known);
  const high = Math.max(...known);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (high === low) return BLOCKS[3];
      return BLOCKS[Math.round(((v - low) / (high - low)) * (BLOCKS.length - 1))];
    })
    .join('');
}
