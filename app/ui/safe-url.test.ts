import { describe, expect, it } from 'vitest';
import { safeWebUrl } from './safe-url.ts';

describe('safeWebUrl', () => {
  it.each([
    ['https://example.org/tram-vote', 'https://example.org/tram-vote'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://Example.ORG/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['  https://example.org/x  ', 'https://example.org/x'],
    ['https://example.org/<script>alert(1)</script>', 'https://example.org/%3Cscript%3Ealert(1)%3C/script%3E'],
  ])('keeps the web address %j', (url, expected) => {
    expect(safeWebUrl(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'javascript://example.org/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'blob:https://example.org/1234',
    'file:///etc/passwd',
    'ftp://example.org/file',
    'mailto:someone@example.org',
    '//example.org/protocol-relative',
    '/relative/path',
    'example.org',
    'https://',
    'http:',
    '',
    undefined,
    null,
  ])('refuses %j', (url) => {
    expect(safeWebUrl(url)).toBeNull();
  });
});
