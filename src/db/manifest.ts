import type { Manifest } from '../core/manifest.ts';

export type { Manifest };

export async function fetchManifest(base: URL): Promise<Manifest> {
  const res = await fetch(new URL('manifest.json', base));
  if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
  return (await res.json()) as Manifest;
}
