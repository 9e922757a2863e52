/** One database factory: embedded PGlite by default, PostgreSQL when a URL is given. Same migrations on both. */
import { Kysely, Migrator, PostgresDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { createAutoAnalyze, type AutoAnalyze } from './auto-analyze';
import { startEmbeddedDatabase } from './embedded';
import { logError } from '../errors/log-error';
import type { Database } from './schema';
import * as initial from './migrations/001-initial';
import * as balancesAndHabits from './migrations/002-balances-and-habits';
import * as noOverlaps from './migrations/003-no-overlapping-records';
import * as enrollmentBatches from './migrations/004-enrollment-batches';
import * as lifeEventBackOut from './migrations/005-life-event-back-out';
import * as noGistExclusion from './migrations/006-no-gist-exclusion';
import * as batchProcessKeyset from './migrations/007-batch-process-keyset';
import * as trigramSuggestions from './migrations/010-trigram-suggestions';
import * as usersVersion from './migrations/011-users-version';
import * as groupLifeRateGrids from './migrations/017-group-life-rate-grids';
import * as batchJobCancel from './migrations/014-batch-job-cancel';
import * as accountsAndRoles from './migrations/008-accounts-and-roles';
import * as dataAccessAndAudit from './migrations/009-data-access-and-audit';
import * as uploadAnswerAsJson from './migrations/012-upload-answer-as-json';
import * as benefitSetup from './migrations/013-benefit-setup';
import * as rateChanges from './migrations/016-rate-changes';
import * as groupLifePlanSettings from './migrations/020-group-life-plan-settings';
import * as cheaperUploadWrites from './migrations/018-cheaper-upload-writes';

export type DatabaseKind = 'pglite' | 'postgres';

export interface AppDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The pool Kysely uses, for libraries that take a pg pool (the sign-in rate limiter). */
  pool: pg.Pool;
  /** The embedded database's process (PGlite only), for figures that count its memory apart from the server's. */
  embeddedPid?: number;
  /** PGlite only (it has no autovacuum): the statistics rule of auto-analyze.ts, nudged by every statement's end. */
  autoAnalyze?: AutoAnalyze;
  close(): Promise<void>;
}

// Dates come back as ISO text, never as JS Dates shifted by the server's time zone.
pg.types.setTypeParser(1082, (value: string) => value);

/**
 * `loadDataDir`: for the embedded database, a file made by PGlite's dumpDataDir() to start from instead of an empty
 * database (tests start from one migrated copy instead of running initdb and every migration per test file).
 */
export async function createDatabase(options: { url?: string; dataDir?: string; loadDataDir?: string } = {}): Promise<AppDatabase> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  // PGlite in a child process (see embedded.ts), one connection: PGlite is a single session, as before.
  const embedded = await startEmbeddedDatabase(options.dataDir, options.loadDataDir);
  const pool = new pg.Pool({ host: embedded.host, port: embedded.port, user: 'postgres', database: 'postgres', max: 1 });
  // An idle connection's error (the child stopped) must not crash the server; the next query reports it.
  pool.on('error', (error) => console.error('Embedded database connection lost:', error.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const autoAnalyze = createAutoAnalyze(pool, { onError: (error) => logError(error, { route: 'embedded database ANALYZE' }) });
  pool.on('release', () => autoAnalyze.nudge());
  return {
    db,
    kind: 'pglite',
    pool,
    embeddedPid: embedded.pid,
    autoAnalyze,
    close: async () => {
      await autoAnalyze.stop();
      await db.destroy();
      await embedded.stop();
    },
  };
}

const migrations: Record<string, Migration> = {
  '001-initial': initial, '002-balances-and-habits': balancesAndHabits,
  '003-no-overlapping-records': noOverlaps,
  '004-enrollment-batches': enrollmentBatches,
  '005-life-event-back-out': lifeEventBackOut,
  '006-no-gist-exclusion': noGistExclusion,
  '007-batch-process-keyset': batchProcessKeyset,
  '010-trigram-suggestions': trigramSuggestions,
  '017-group-life-rate-grids': groupLifeRateGrids,
  '014-batch-job-cancel': batchJobCancel,
  '008-accounts-and-roles': accountsAndRoles,
  '009-data-access-and-audit': dataAccessAndAudit,
  '011-users-version': usersVersion,
  '012-upload-answer-as-json': uploadAnswerAsJson,
  '013-benefit-setup': benefitSetup,
  '016-rate-changes': rateChanges,
  '020-group-life-plan-settings': groupLifePlanSettings,
  '018-cheaper-upload-writes': cheaperUploadWrites,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
