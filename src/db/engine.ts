// The workbench's database and its lanes, opened together. Lanes depend on Database only, never on this;
// state classes get a lane each through the narrow interfaces of connectors.ts.
import { BaseCheck } from './baseCheck.ts';
import { ChartLane } from './chartLane.ts';
import { Database } from './database.ts';
import { ExportLane } from './exportLane.ts';
import { UserLane } from './userLane.ts';

export class Engine {
  readonly user: UserLane;
  readonly chart: ChartLane;
  readonly exports: ExportLane;
  readonly base: BaseCheck;

  private constructor(readonly db: Database) {
    this.user = new UserLane(db);
    this.chart = new ChartLane(db);
    this.exports = new ExportLane(db);
    this.base = new BaseCheck(db);
  }

  static async create(dataBase: URL): Promise<Engine> {
    return new Engine(await Database.open(dataBase));
  }

  /** Internal reads on the panels' connection; e2e tests reach it through `__workbench.engine` to play a guard bypass. */
  sys(sql: string) {
    return this.db.read(sql);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
