import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export interface SocketAck {
  envelopeId: string;
  payload: unknown;
  /** Milliseconds from sending the envelope to receiving its ack. */
  ms: number;
}

/**
 * The Socket Mode side of the fake Slack: the WebSocket that `apps.connections.open` points to. Says
 * `hello` on connect (the client's "connected"), sends envelopes and collects the acks the app sends.
 */
export class FakeSocketMode {
  private readonly sockets = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, (ack: SocketAck) => void>();
  private readonly wss = new WebSocketServer({ noServer: true });

  /** Takes an HTTP upgrade request for the socket path. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
  }

  get count(): number {
    return this.sockets.size;
  }

  /** Sends an envelope on every open socket (normally one); resolves with the first ack. */
  send(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: Record<string, unknown>,
    options: { retryAttempt?: number; timeoutMs?: number } = {},
  ): Promise<SocketAck> {
    const envelopeId = randomUUID();
    const sent = Date.now();
    const message = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: '' } : {}),
    };
    return new Promise((resolve, reject) => {
      if (this.sockets.size === 0) return reject(new Error('no Socket Mode connection'));
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`no ack for envelope ${envelopeId}`));
      }, options.timeoutMs ?? 3000);
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve({ ...ack, ms: Date.now() - sent });
      });
      for (const ws of this.sockets) ws.send(JSON.stringify(message));
    });
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let msg: { envelope_id?: string; payload?: unknown };
      try {
        msg = JSON.parse(String(data));
      } catch {
        return;
      }
      if (!msg.envelope_id) return;
      this.pendingAcks.get(msg.envelope_id)?.({
        envelopeId: msg.envelope_id,
        payload: msg.payload ?? null,
        ms: 0,
      });
      this.pendingAcks.delete(msg.envelope_id);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        connection_info: { app_id: 'A0CHIPS' },
      }),
    );
  }
}
