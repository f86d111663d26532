import type { IncomingMessage, Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import type { DiscordState } from './discord-state.js';

/** A gateway payload as the fake received it from the client. */
export interface GatewayFrame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

/**
 * The gateway half of the fake Discord: HELLO with a short heartbeat interval, IDENTIFY -> READY with no
 * guilds, heartbeat ACKs, RESUME -> RESUMED, and `dispatch` to push INTERACTION_CREATE / MESSAGE_CREATE
 * to every identified connection. Records every frame received.
 */
export class DiscordGateway {
  readonly received: GatewayFrame[] = [];
  readonly identifies: Record<string, unknown>[] = [];
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly ready = new Set<WebSocket>();
  private seq = 0;
  /** The gateway's own URL, handed out as `resume_gateway_url` (set once the server listens). */
  url = '';
  private readyWaiters: (() => void)[] = [];

  constructor(
    server: Server,
    private readonly state: DiscordState,
    private readonly heartbeatMs = 500,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (ws: WebSocket, _req: IncomingMessage) => this.onConnection(ws));
  }

  /** Identified connections. */
  get connections(): number {
    return this.ready.size;
  }

  /** Resolves once a client has identified (immediately if one already has). */
  waitForReady(): Promise<void> {
    if (this.ready.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sends a dispatch event to every identified connection. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: this.seq, d });
    for (const ws of this.ready) ws.send(frame);
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.ready.delete(ws);
    });
    ws.on('message', (data) => this.onFrame(ws, String(data)));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatMs } }));
  }

  private onFrame(ws: WebSocket, text: string): void {
    let frame: GatewayFrame;
    try {
      frame = JSON.parse(text) as GatewayFrame;
    } catch {
      ws.close(4002, 'Decode error');
      return;
    }
    this.received.push(frame);
    if (frame.op === 1) {
      ws.send(JSON.stringify({ op: 11 }));
      return;
    }
    if (frame.op === 2) {
      this.identifies.push(frame.d as Record<string, unknown>);
      this.ready.add(ws);
      this.seq += 1;
      ws.send(
        JSON.stringify({
          op: 0,
          t: 'READY',
          s: this.seq,
          d: {
            v: 10,
            user: { ...this.state.bot, verified: true, mfa_enabled: false, flags: 0 },
            guilds: [],
            session_id: `session-${Date.now()}`,
            resume_gateway_url: this.url,
            shard: [0, 1],
            application: { id: this.state.appId, flags: 0 },
          },
        }),
      );
      for (const w of this.readyWaiters.splice(0)) w();
      return;
    }
    if (frame.op === 6) {
      this.ready.add(ws);
      this.seq += 1;
      ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.seq, d: null }));
    }
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
