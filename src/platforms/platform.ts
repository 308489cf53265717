import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatGateway, Platform } from '../core/ports/chat.ports.ts';
import type { FileFetcher } from '../core/ports/files.ports.ts';

export interface Route {
  method: 'GET' | 'POST';
  /** Exact path, or a prefix ending in '/*'. */
  path: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

/** What each platform folder hands the composition root: a gateway for the core, routes for the server. */
export interface PlatformAdapter {
  readonly name: Platform;
  readonly gateway: ChatGateway;
  readonly fetcher?: FileFetcher;
  readonly routes: Route[];
  /** Connections that are not HTTP requests (Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
}
