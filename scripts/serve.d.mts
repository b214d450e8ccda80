import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StaticServer {
  /** base URL with a trailing slash, e.g. `http://127.0.0.1:5173/` */
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

export function extractCspFromHtml(html: string): string | null;
export function createStaticHandler(root: string, opts?: { log?: boolean }): (req: IncomingMessage, res: ServerResponse) => void;
export function startServer(options: { root: string; port?: number; host?: string; log?: boolean }): Promise<StaticServer>;
