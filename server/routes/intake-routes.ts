import type { FastifyInstance } from 'fastify';
import { ComplaintRequest, ContactOptionsQuery, IntakeRequest } from '../../shared';
import type { Database } from '../db/database';
import { requireIntakeKey } from '../http/auth';
import { command } from '../http/command';
import { parse } from '../http/validation';
import { fileComplaint } from '../services/complaints';
import { openCaseFromIntake } from '../services/intake';
import { contactOptions } from '../services/presence';

export function intakeRoutes(app: FastifyInstance, db: Database, intakeKey: string | null): void {
  const intake = { preHandler: requireIntakeKey(intakeKey) };

  app.post(
    '/api/v1/intake/escalations',
    intake,
    command(db, 201, (req, tx, now) => openCaseFromIntake(tx, parse(IntakeRequest, req.body), now)),
  );

  // A restricted party's complaint about the decision (DSA Art. 20, issue 17).
  app.post(
    '/api/v1/intake/complaints',
    intake,
    command(db, 201, (req, tx, now) => fileComplaint(tx, parse(ComplaintRequest, req.body), now)),
  );

  app.get('/api/v1/intake/contact-options', intake, async (req) => {
    const { language } = parse(ContactOptionsQuery, req.query, 'query');
    return contactOptions(db, language, new Date());
  });
}
