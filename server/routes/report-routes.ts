import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CaseFileQuery, DomainError, DsaStatementsQuery, canExportStatements } from '../../shared';
import { exportCaseFile } from '../case-file/case-file-data';
import { caseFilePdf } from '../case-file/case-file-pdf';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { parse } from '../http/validation';
import { dsaStatementLines } from '../reports/dsa-statements';

/** Reports for Trust & Safety: the DSA transparency export and evidence case files. */
export function reportRoutes(app: FastifyInstance, db: Database): void {
  app.get(
    '/api/v1/reports/dsa-statements',
    { preHandler: requireAgent(db) },
    async (req, reply) => {
      if (!canExportStatements(actorOf(req)))
        throw new DomainError('forbidden', 'Only Trust & Safety and leads export statements.');
      const { from, to } = parse(DsaStatementsQuery, req.query, 'query');
      // Named by its first and last day: [from, to) ends the day before a midnight `to`.
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const name = `dsa-statements-${day(Date.parse(from))}-${day(Date.parse(to) - 1)}.jsonl`;
      // Streamed a page of rows at a time: a year of restrictions never sits in memory as
      // one string. The period is checked before the first byte, so refusals stay JSON.
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Readable.from(dsaStatementLines(db, from, to)));
    },
  );

  // Evidence for an ADR body or the police holds everyone's personal data and the whole
  // history: Trust & Safety and leads only, also for an agent's own cases.
  app.get<{ Params: { id: string } }>(
    '/api/v1/cases/:id/case-file',
    { preHandler: requireAgent(db) },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canExportStatements(actor))
        throw new DomainError('forbidden', 'Only Trust & Safety and leads export case files.');
      const { format } = parse(CaseFileQuery, req.query, 'query');
      // Its audit event is committed before a byte leaves: every file that went out is on record.
      const file = await exportCaseFile(db, actor, req.params.id, format, new Date());
      const name = `case-file-${file.case.reference}`;
      void reply.header('cache-control', 'no-store');
      if (format === 'json')
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.json"`)
          .send(JSON.stringify(file, null, 2));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await caseFilePdf(file));
    },
  );
}
