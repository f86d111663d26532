import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Answer } from '../../src/answers/answer.js';
import type { Digest, Platform } from '../../src/digests/digest.js';
import type { PlatformPort, ReplyTarget } from '../../src/ports.js';

/** One message the fake platform received. */
export type Captured =
  | {
      kind: 'digest';
      ref: string;
      digestId: string;
      platform: Platform;
      channelId: string;
      date: string;
      storyIds: string[];
      at: string;
      pid: number;
    }
  | { kind: 'reply'; ref: string; target: ReplyTarget; title: string; at: string; pid: number };

export interface CapturingOptions {
  platform?: Platform;
  /**
   * JSON-lines file shared by every process using this fake: it plays the platform's side, so a
   * message posted by a process that then crashed is still found by another one.
   */
  file?: string;
  /**
   * Crash right after a post reached the platform and before the caller could record it:
   * `throw` fails the call once (in-process tests); `kill` SIGKILLs this process, once per marker file.
   */
  crashAfterPost?: { mode: 'throw' } | { mode: 'kill'; marker: string };
  /** Delay of each post (ms): widens the window in which a crash can happen. */
  postDelayMs?: number;
}

/** A PlatformPort that records what would have been posted, for tests. */
export class CapturingPlatform implements PlatformPort {
  readonly platform: Platform;
  private readonly memory: Captured[] = [];
  private threw = false;
  findCalls = 0;

  constructor(private readonly opts: CapturingOptions = {}) {
    this.platform = opts.platform ?? 'slack';
    if (opts.file && !existsSync(opts.file)) writeFileSync(opts.file, '');
  }

  /** Everything posted so far (by any process sharing the file). */
  captured(): Captured[] {
    if (!this.opts.file) return [...this.memory];
    return readFileSync(this.opts.file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Captured);
  }

  digests(): Extract<Captured, { kind: 'digest' }>[] {
    return this.captured().filter((c) => c.kind === 'digest');
  }

  async findPostedDigest(channelId: string, digestId: string, since: Date): Promise<string | null> {
    this.findCalls++;
    const hit = this.digests().find(
      (c) => c.channelId === channelId && c.digestId === digestId && Date.parse(c.at) >= since.getTime(),
    );
    return hit?.ref ?? null;
  }

  async postDigest(digest: Digest): Promise<string> {
    if (this.opts.postDelayMs) await new Promise((r) => setTimeout(r, this.opts.postDelayMs));
    const ref = `${this.platform}-msg-${this.captured().length + 1}-${process.pid}`;
    this.record({
      kind: 'digest',
      ref,
      digestId: digest.id,
      platform: digest.platform,
      channelId: digest.channelId,
      date: digest.date,
      storyIds: digest.stories.map((s) => s.storyId),
      at: new Date().toISOString(),
      pid: process.pid,
    });
    this.maybeCrash();
    return ref;
  }

  async reply(target: ReplyTarget, answer: Answer): Promise<string> {
    const ref = `${this.platform}-reply-${this.captured().length + 1}-${process.pid}`;
    this.record({
      kind: 'reply',
      ref,
      target,
      title: answer.title,
      at: new Date().toISOString(),
      pid: process.pid,
    });
    return ref;
  }

  private record(c: Captured): void {
    if (this.opts.file) appendFileSync(this.opts.file, `${JSON.stringify(c)}\n`);
    else this.memory.push(c);
  }

  private maybeCrash(): void {
    const crash = this.opts.crashAfterPost;
    if (!crash) return;
    if (crash.mode === 'throw' && !this.threw) {
      this.threw = true;
      throw new Error('injected crash after posting');
    }
    if (crash.mode === 'kill' && !existsSync(crash.marker)) {
      writeFileSync(crash.marker, String(process.pid));
      process.kill(process.pid, 'SIGKILL');
    }
  }
}
