// The legacy listings service: it creates, updates and deletes listings in its
// own table, one transaction per write, and publishes nothing — its code has
// no events at all. The change log under it is the database's business (the
// changeLog middleware), not the service's. Host-agnostic: storage, clock,
// seed and how to die are passed in.

import type { Dexie, Table } from 'dexie';
import type { DexieDeps } from '../../broker/brokerDb';
import type { SteppedClock } from '../../clock';
import { runHostCall } from '../../sim/hostCalls';
import type { CdcStep } from './cdcSteps';
import { CrashSwitch } from '../../crash';
import type { CrashPoint } from '../../crashPoints';
import { hashString } from '../../hash';
import { seededRandom, type Random } from '../../random';
import type { CdcReport, ListingRow, ListingWrite } from '../cdcTypes';
import type { ChangeRow } from '../changeEvent';
import { lastSeq, readChanges } from '../changeLogDb';
import { randomListing, randomListingId, randomWrite, SEED_LISTINGS } from './listingData';
import { LISTINGS_TABLE, openListingsDb } from './listingsDb';

export interface ListingsHostDeps {
  runId: string;
  dexie: DexieDeps;
  now: () => number;
  /** The scenario's seed: random writes are drawn from it (and from how long the log is, so each batch differs). */
  seed: number;
  emit: (report: CdcReport) => void;
  /** Ends the process at a crash point; code after the point never runs. */
  die: (point: CrashPoint) => void;
  /** A deterministic run: `now` must read this clock, which each granted step sets to its simulation time. */
  stepped?: SteppedClock;
}

export class ListingsHost {
  readonly db: Dexie;
  readonly crash: CrashSwitch;
  private txCount = 0;

  constructor(private readonly deps: ListingsHostDeps) {
    this.crash = new CrashSwitch((point) => deps.die(point));
    // Transaction ids only need to be unique within the log: the time this process started plus a counter.
    const life = deps.now().toString(36);
    this.db = openListingsDb(deps.runId, deps.dexie, {
      capture: true,
      now: deps.now,
      newTxId: () => `tx-${life}-${++this.txCount}`,
      onCommit: (changes) => deps.emit({ kind: 'commit', service: 'listings', changes }),
    });
  }

  /** Opens the database; a fresh one gets its seed listings (captured like any write: the log starts with them). */
  async start(): Promise<void> {
    await this.db.open();
    if ((await this.table().count()) === 0 && (await lastSeq(this.db)) === 0) {
      const at = this.deps.now();
      await this.db.transaction('rw', this.table(), () =>
        this.table().bulkAdd(SEED_LISTINGS.map((l) => ({ ...l, updated_at: at }))),
      );
    }
  }

  close(): void {
    this.db.close();
  }

  /** One write in its own transaction; resolves with the listing's id. */
  async write(write: ListingWrite): Promise<string> {
    this.crash.assertAlive();
    const random = await this.random();
    const table = this.table();
    return this.db.transaction('rw', table, async () => {
      const id = await this.apply(table, write, random);
      // Inside the transaction: a crash here takes the row and its change row back together.
      this.crash.at('before-commit');
      return id;
    });
  }

  /** `count` random writes over the listings there are, each its own transaction; `progress` after each. */
  async writeMany(count: number, progress: (done: number) => void = () => undefined): Promise<void> {
    const random = await this.random();
    for (let done = 1; done <= count; done++) {
      const existing = (await this.table().toCollection().primaryKeys()) as string[];
      await this.write(randomWrite(random, existing));
      progress(done);
    }
  }

  /** One random write over the listings there are, drawn from the seed and the log's length; its listing's id. */
  async writeRandom(): Promise<string> {
    const existing = (await this.table().toCollection().primaryKeys()) as string[];
    return this.write(randomWrite(await this.random(), existing));
  }

  /** Deterministic runs: performs one granted write (the workload's or a user's) at simulation time `at`. */
  step(step: CdcStep, at: number): Promise<string> {
    this.deps.stepped?.set(at);
    if (step.kind !== 'command') throw new Error(`listings cannot ${step.kind}`);
    return runHostCall(
      {
        writeRandom: () => this.writeRandom(),
        write: (write: ListingWrite) => this.write(write),
        writeMany: (count: number) => this.writeMany(count),
      },
      'listings',
      step.name,
      step.input,
    );
  }

  listings(): Promise<ListingRow[]> {
    return this.table().toArray();
  }

  /** Change rows after `afterSeq`, oldest first. */
  changes(afterSeq = 0, limit = Infinity): Promise<ChangeRow[]> {
    return readChanges(this.db, afterSeq, limit);
  }

  head(): Promise<number> {
    return lastSeq(this.db);
  }

  arm(point: CrashPoint, nth?: number): void {
    this.crash.arm(point, nth);
  }

  disarm(): void {
    this.crash.disarm();
  }

  private async apply(
    table: Table<ListingRow, string>,
    write: ListingWrite,
    random: Random,
  ): Promise<string> {
    const updated_at = this.deps.now();
    if (write.op === 'create') {
      const id = write.listing?.id ?? randomListingId(random);
      await table.add({ ...randomListing(random), ...write.listing, id, updated_at });
      return id;
    }
    const existing = await table.get(write.id);
    if (!existing) throw new Error(`listings: there is no listing ${write.id} to ${write.op}`);
    if (write.op === 'delete') await table.delete(write.id);
    else await table.put({ ...existing, ...write.changes, id: write.id, updated_at });
    return write.id;
  }

  /** A PRNG for the next writes, from the seed and the log's length: the same run state draws the same writes. */
  private async random(): Promise<Random> {
    return seededRandom(hashString(`${this.deps.seed}/${await lastSeq(this.db)}`));
  }

  private table(): Table<ListingRow, string> {
    return this.db.table(LISTINGS_TABLE);
  }
}
