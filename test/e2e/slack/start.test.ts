import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackDeps, startSlack } from '../../../adapters/slack/index.js';
import { createLogger } from '../../../src/log.js';
import { systemClock } from '../../../src/ports.js';
import type { Store } from '../../../src/store/port.js';
import { FakeSlack } from '../../fakes/slack-server.js';

let fake: FakeSlack;
const sink = { submit: async () => {} };
const file = { sources: [], subscriptions: [], admins: [] };

beforeAll(async () => {
  fake = await FakeSlack.start();
});
afterAll(async () => {
  await fake.close();
});

function deps(config: Partial<SlackDeps['config']>): SlackDeps {
  return {
    config: { SLACK_API_URL: fake.apiUrl, PORT: 0, file, ...config },
    services: { store: {} as Store, clock: systemClock },
    sink,
    log: createLogger('silent'),
  };
}

describe('starting the Slack adapter', () => {
  it('says which token Slack rejected', async () => {
    await expect(
      startSlack(deps({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's' })),
    ).rejects.toThrow(/^SLACK_BOT_TOKEN: Slack rejected the bot token \(invalid_auth\)/);
    await expect(
      startSlack(deps({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: 'xapp-wrong' })),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/^SLACK_APP_TOKEN: /) });
  });

  it('needs a signing secret for the HTTP receiver', async () => {
    await expect(startSlack(deps({ SLACK_BOT_TOKEN: fake.botToken }))).rejects.toThrow(
      /^SLACK_SIGNING_SECRET: /,
    );
  });

  it('says when PORT is taken', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, r));
    const port = (busy.address() as AddressInfo).port;
    try {
      await expect(
        startSlack(deps({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: 's', PORT: port })),
      ).rejects.toThrow(new RegExp(`^PORT: ${port} is already in use`));
    } finally {
      busy.close();
    }
  });
});
