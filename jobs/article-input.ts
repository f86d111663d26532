import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { articleId } from '../src/articles/identity.js';
import { ChipbriefError } from '../src/errors.js';

export interface ArticleInput {
  /** What the worker loads: the URL as given, or an absolute file path (workers have their own cwd). */
  input: string;
  /** The id the article will be stored under (hash of the canonical URL or file:// URL). */
  articleId: string;
}

/**
 * Resolves an `enqueue` argument on the enqueuing side: http(s) URLs as given, file paths made
 * absolute. The article id comes from the canonical URL, so the same page enqueued twice (with or
 * without tracking parameters, from any directory) is one job.
 */
export function articleInput(raw: string, cwd: string): ArticleInput {
  const s = raw.trim();
  if (/^https?:\/\//i.test(s)) {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      throw new ChipbriefError('INPUT_UNSUPPORTED', `not a valid URL: ${s}`);
    }
    return { input: url.href, articleId: articleId(url.href, '') };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^file:\/\//i.test(s)) {
    throw new ChipbriefError('INPUT_UNSUPPORTED', `unsupported URL scheme: ${s} (use http, https or a file)`);
  }
  const path = /^file:\/\//i.test(s) ? fileURLToPath(s) : isAbsolute(s) ? s : resolve(cwd, s);
  return { input: path, articleId: articleId(pathToFileURL(path).href, '') };
}

/** Like `articleInput`, and a local file must exist now (the worker would only fail later). */
export function checkedArticleInput(raw: string, cwd: string): ArticleInput {
  const a = articleInput(raw, cwd);
  if (!/^https?:/i.test(a.input) && !existsSync(a.input)) {
    throw new ChipbriefError('INPUT_NOT_FOUND', `no such file: ${raw}`);
  }
  return a;
}
