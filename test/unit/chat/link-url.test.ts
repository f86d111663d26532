import { describe, expect, it } from 'vitest';
import { linkableUrl } from '../../../src/chat/link-url.js';

describe('linkableUrl', () => {
  it('parses http(s) URLs, trimming the space around them', () => {
    expect(linkableUrl(' https://fabnews.example/2026/11/entity-list ')?.href).toBe(
      'https://fabnews.example/2026/11/entity-list',
    );
    expect(linkableUrl('http://policy.example/a?b=c')?.hostname).toBe('policy.example');
  });

  it('refuses other schemes, credentials and text that is no URL', () => {
    for (const raw of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'mailto:desk@fabnews.example',
      'https://editor:hunter2@fabnews.example/draft',
      'https://token@fabnews.example/',
      'fabnews.example/no-scheme',
      '',
    ]) {
      expect(linkableUrl(raw), raw).toBeNull();
    }
  });
});
