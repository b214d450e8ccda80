const p2 = (n: number) => String(n).padStart(2, '0');
const stamp = (now: Date) => `${now.getFullYear()}${p2(now.getMonth() + 1)}${p2(now.getDate())}-${p2(now.getHours())}${p2(now.getMinutes())}`;

/** A file name that says what is in it (a saved query's name, a table…) and when; safe on every OS. */
export function exportFileName(what: string, ext: string, now = new Date()): string {
  const safe = what.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').replace(/\s+/g, ' ').trim().slice(0, 60) || 'query';
  return `政务公开年报_${safe}_${stamp(now)}.${ext}`;
}

/** A file name for a query's result: the first table the query reads from, and when. */
export function resultFileName(sql: string, ext: string, now = new Date()): string {
  const m = /\bfrom\s+("?)([\p{L}\p{N}_]+)\1/iu.exec(sql);
  return exportFileName(m?.[2] ?? 'query', ext, now);
}
