/** A file name that says what is in it: the first table the query reads from, and when. */
export function resultFileName(sql: string, ext: string, now = new Date()): string {
  const m = /\bfrom\s+("?)([\p{L}\p{N}_]+)\1/iu.exec(sql);
  const what = m?.[2] ?? 'query';
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  return `政务公开年报_${what}_${stamp}.${ext}`;
}
