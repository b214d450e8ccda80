import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StaticServer {
  /** Base URL with trailing slash, e.g. `http://127.0.0.1:5173/`. */
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** Directory to serve (e.g. `dist/`). */
  root: string;
  /** Port to try first (next ones are tried if busy); 0 = any free port. Default 5173. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Log one line per request. */
  log?: boolean;
}

export const MIME_TYPES: Record<string, string>;
export function mimeType(file: string): string;
export function extractCspFromHtml(html: string): string | null;
export function resolveRequestPath(root: string, rawUrl: string): string | null;
export function createStaticHandler(
  root: string,
  opts?: { log?: boolean },
): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
export function startServer(options: StartServerOptions): Promise<StaticServer>;
