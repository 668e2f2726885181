import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../shared';
import { API_HEADERS } from './security-headers';

/**
 * Errors raised before a request reaches a route (an undecodable path, an over-long
 * path segment) answer in the contract's shape like everything else.
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const refusal = new DomainError(
    'validation_failed',
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A path segment is longer than any id this service gives out.'
      : 'The path is not a valid URL (a bad %-escape?).',
    { fields: [{ path: 'params', message: err.message }] },
  );
  void reply.code(refusal.status).headers(API_HEADERS).send(refusal.toBody());
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers over 16 KB,
 * garbage on the wire, a client too slow to send its headers). Node and Fastify answer
 * these in their own shape; clients of this API only read ours.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new DomainError('headers_too_large', 'The request headers are larger than 16 KB.')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new DomainError('request_timeout', 'The request took too long to arrive.')
        : new DomainError('validation_failed', 'The request is not valid HTTP/1.1.');
  if (socket.writable) {
    const body = JSON.stringify(refusal.toBody());
    const headers = Object.entries({
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
      ...API_HEADERS,
    })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n${headers}\r\n${body}`,
    );
  }
  socket.destroy();
}
