/** Number and duration formatting shared by rules and renderers. */

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** "45 min", "5 h 10 min", "3 d 4 h". */
export function formatDuration(minutes: number): string {
  if (minutes < 59.5) return `${Math.round(minutes)} min`;
  const totalMinutes = Math.round(minutes);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const mins = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
}

/** "83.3%" in English, "83,3 %" in Spanish (decimal comma, space before the sign, as the RAE writes it). */
export function formatPercent(share: number | null, locale: 'en' | 'es' = 'en'): string {
  if (share === null) return '—';
  const value = Math.round(share * 1000) / 10;
  return locale === 'es' ? `${String(value).replace('.', ',')}\u00a0%` : `${value}%`;
}
