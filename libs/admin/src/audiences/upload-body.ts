import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import StreamArray from 'stream-json/streamers/StreamArray';
import type { MemberLine } from '@app/coupon';

/** Route config flag (`@RouteConfig({ [STREAMED_UPLOAD]: true })`): the body arrives as a stream. */
export const STREAMED_UPLOAD = 'streamedUpload';

const UPLOAD_TYPES: Record<string, string> = {
  'text/csv': 'application/vnd.wxc.upload+csv',
  'application/json': 'application/vnd.wxc.upload+json',
};

/**
 * Big uploads (an audience's members) are read as they arrive, never buffered: on a route flagged
 * STREAMED_UPLOAD a CSV or JSON body is renamed to a private media type whose parser hands the
 * request stream through untouched. Every other route keeps Fastify's capped JSON parser.
 */
export function registerStreamedUploads(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
    if (config?.[STREAMED_UPLOAD] === true) {
      const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const renamed = UPLOAD_TYPES[type];
      if (renamed) request.headers['content-type'] = renamed;
    }
    done();
  });
  fastify.addContentTypeParser(Object.values(UPLOAD_TYPES), (_request, payload, done) =>
    done(null, payload),
  );
}

/** The upload's candidate openids with their line (CSV) or 1-based array position (JSON); null
 * when the request is not a streamed CSV/JSON upload. */
export function uploadLines(request: FastifyRequest): AsyncIterable<MemberLine> | null {
  const type = request.headers['content-type'];
  const body = request.body as Readable | undefined;
  if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') return null;
  if (type === UPLOAD_TYPES['text/csv']) return csvLines(body);
  if (type === UPLOAD_TYPES['application/json']) return jsonItems(body);
  return null;
}

/** One openid per line; blank lines skipped; a first line that is a header (`openid`) skipped. */
async function* csvLines(body: Readable): AsyncIterable<MemberLine> {
  const lines = createInterface({ input: body, crlfDelay: Infinity });
  // A client that goes away mid-upload closes the stream without ending it: stop reading.
  body.on('close', () => lines.close());
  body.on('error', () => lines.close());
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const value = raw.trim().replace(/^"(.*)"$/, '$1');
    if (value === '') continue;
    if (line === 1 && /^openid$/i.test(value)) continue;
    yield { line, value };
  }
  assertComplete(body);
}

/** Only a body read to its end may replace a list (a cut-off upload changes nothing). */
function assertComplete(body: Readable): void {
  if (!body.readableEnded) {
    throw new BadRequestException(
      'The upload ended before its body was complete; nothing was changed',
    );
  }
}

/** A JSON array of strings, parsed as it streams (stream-json); a non-string item is invalid. */
async function* jsonItems(body: Readable): AsyncIterable<MemberLine> {
  const parser = StreamArray.withParser();
  const cutOff = () => {
    if (!body.readableEnded) parser.destroy(new Error('the upload ended before it was complete'));
  };
  body.on('error', cutOff);
  body.on('close', cutOff);
  const items = body.pipe(parser) as unknown as AsyncIterable<{ key: number; value: unknown }>;
  try {
    for await (const { key, value } of items) {
      yield { line: key + 1, value: typeof value === 'string' ? value : JSON.stringify(value) };
    }
  } catch (err) {
    throw new BadRequestException(
      `The body must be a JSON array of openid strings (${err instanceof Error ? err.message : 'unreadable'})`,
    );
  }
}
