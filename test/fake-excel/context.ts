/**
 * Request context, proxy objects and the command queue: the heart of the strictness.
 *
 * As in Office.js, a proxy method call or property set only queues a command; `context.sync()`
 * sends the queue as one request and runs it in order. `load` queues a read whose values are
 * delivered to the proxies only when the whole request succeeded.
 *
 * Partial application: the Office docs describe no transaction or rollback for a batch; Excel runs
 * a request's commands in order and stops at the first that fails, so commands before it stay
 * applied and the sync rejects. The fake does the same. Two exceptions happen before anything runs
 * and so apply nothing: a request over the payload limit (rejected on arrival) and the injected
 * `failOnRequest` failure (an interrupted request).
 */
import { fail, FakeExcelError, propertyNotLoaded } from "./errors";
import { FakeWorkbookState } from "./workbook-state";

/** Excel on the web rejects requests and responses over 5 MB (resource-limits-and-performance-optimization.md). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeStats {
  syncs: number;
  requests: Array<{ bytes: number; ops: number }>;
  maxRequestBytes: number;
  responses: Array<{ bytes: number }>;
  maxResponseBytes: number;
}

export interface EngineOptions {
  apiVersion: string;
  failOnRequest?: number;
  payloadLimit: number;
}

export interface Engine {
  state: FakeWorkbookState;
  options: EngineOptions;
  stats: FakeStats;
  enableEvents: boolean;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
}

export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0, y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** Loaded values and null-object answers gathered while a request runs, delivered on success. */
export class Pending {
  readonly values = new Map<ProxyBase, Map<string, unknown>>();
  readonly nulls = new Map<ProxyBase, boolean>();
  put(p: ProxyBase, name: string, v: unknown): void {
    let m = this.values.get(p);
    if (!m) this.values.set(p, (m = new Map()));
    m.set(name, v);
  }
  responseBytes(): number {
    let n = 0;
    for (const m of this.values.values()) {
      for (const [k, v] of m) if (k !== "items") n += utf8Length(JSON.stringify(v ?? null)) + k.length + 3;
    }
    return n;
  }
  commit(): void {
    for (const [p, m] of this.values) for (const [k, v] of m) p._deliver(k, v);
    for (const [p, isNull] of this.nulls) p._deliverNull(isNull);
  }
}

interface QueuedOp {
  path: string;
  name: string;
  args: unknown[];
  api: string;
  run: (pending: Pending) => void;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

function wireArg(a: unknown): unknown {
  if (a instanceof ProxyBase) return { ref: a._path };
  return a;
}

export class FakeRequestContext {
  private queue: QueuedOp[] = [];
  closed = false;
  readonly trackedObjects: { add: (o: ProxyBase | ProxyBase[]) => void; remove: (o: ProxyBase | ProxyBase[]) => void };
  readonly runtime: { load: (s?: string) => void; enableEvents: boolean };

  constructor(readonly engine: Engine) {
    const track = (name: string) => (o: ProxyBase | ProxyBase[]) => {
      for (const p of Array.isArray(o) ? o : [o]) this.enqueue({ path: p._path, name, args: [], api: "1.1", run: () => undefined });
    };
    this.trackedObjects = { add: track("trackedObjects.add"), remove: track("trackedObjects.remove") };
    const ctx = this;
    const loaded = new Set<string>();
    this.runtime = {
      load: (s?: string) => {
        ctx.enqueue({ path: "runtime", name: "load", args: [s ?? ""], api: "1.8", run: () => { loaded.add("enableEvents"); } });
      },
      get enableEvents(): boolean {
        if (!loaded.has("enableEvents")) throw propertyNotLoaded("enableEvents");
        return ctx.engine.enableEvents;
      },
      set enableEvents(v: boolean) {
        ctx.enqueue({ path: "runtime", name: "enableEvents=", args: [v], api: "1.8", run: () => { ctx.engine.enableEvents = v; } });
      },
    };
  }

  get state(): FakeWorkbookState {
    return this.engine.state;
  }

  enqueue(op: QueuedOp): void {
    if (this.closed) {
      fail("InvalidObjectPath", "The object was used after its Excel.run batch ended; proxies are only valid inside their Excel.run.");
    }
    this.queue.push(op);
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const { stats, options } = this.engine;
    stats.syncs += 1;
    const bytes = utf8Length(JSON.stringify(ops.map((o) => ({ p: o.path, n: o.name, a: o.args.map(wireArg) }))));
    stats.requests.push({ bytes, ops: ops.length });
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, bytes);
    await Promise.resolve();
    if (options.failOnRequest === stats.syncs) {
      throw new FakeExcelError("GeneralException", `Injected failure of request #${stats.syncs}; nothing was applied.`);
    }
    if (bytes > options.payloadLimit) {
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
    }
    const pending = new Pending();
    try {
      for (const op of ops) {
        if (!versionAtLeast(options.apiVersion, op.api)) {
          throw new FakeExcelError("ApiNotFound", `${op.name} needs ExcelApi ${op.api}; this host supports ${options.apiVersion}.`, `${op.path}.${op.name}`);
        }
        try {
          op.run(pending);
        } catch (e) {
          if (e instanceof FakeExcelError && e.debugInfo.errorLocation === undefined) {
            throw new FakeExcelError(e.code, e.message, `${op.path}.${op.name}`);
          }
          throw e;
        }
      }
    } finally {
      // suspend…UntilNextSync lasts exactly one request, whatever its outcome.
      this.engine.calculationSuspended = false;
      this.engine.screenUpdatingSuspended = false;
    }
    const responseBytes = pending.responseBytes();
    stats.responses.push({ bytes: responseBytes });
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    if (responseBytes > options.payloadLimit) {
      // The commands already ran on the host; only the answer is lost.
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size (${responseBytes} bytes) has exceeded the limit.`);
    }
    pending.commit();
  }
}

export interface PropSpec {
  api: string;
  read: () => unknown;
}

export type LoadInput = string | string[] | { select?: string; expand?: string } | Record<string, unknown> | undefined;

interface LoadTree {
  all: boolean;
  scalars: Set<string>;
  nav: Map<string, LoadTree>;
}

function emptyTree(): LoadTree {
  return { all: false, scalars: new Set(), nav: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path.split("/").map((s) => s.trim()).filter((s) => s.length > 0);
  let t = tree;
  parts.forEach((p, i) => {
    if (i === parts.length - 1) t.scalars.add(p);
    else {
      let child = t.nav.get(p);
      if (!child) t.nav.set(p, (child = emptyTree()));
      t = child;
    }
  });
}

function addObject(tree: LoadTree, o: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(o)) {
    if (v === true) tree.scalars.add(k);
    else if (typeof v === "object" && v !== null) {
      let child = tree.nav.get(k);
      if (!child) tree.nav.set(k, (child = emptyTree()));
      addObject(child, v as Record<string, unknown>);
    }
  }
}

export function parseLoad(input: LoadInput): LoadTree {
  const tree = emptyTree();
  if (input === undefined || (typeof input === "string" && input.trim() === "") || (Array.isArray(input) && input.length === 0)) {
    tree.all = true;
    return tree;
  }
  if (typeof input === "string") input.split(",").forEach((p) => addPath(tree, p));
  else if (Array.isArray(input)) input.forEach((p) => addPath(tree, p));
  else if (typeof input.select === "string" || typeof input.expand === "string") {
    const sel = typeof input.select === "string" ? input.select : "";
    sel.split(",").forEach((p) => addPath(tree, p));
    if (typeof input.expand === "string") {
      for (const e of input.expand.split(",").map((s) => s.trim()).filter(Boolean)) {
        let t = tree;
        for (const seg of e.split("/")) {
          let c = t.nav.get(seg);
          if (!c) t.nav.set(seg, (c = emptyTree()));
          t = c;
        }
        t.all = true;
      }
    }
    if (sel.trim() === "" && input.expand === undefined) tree.all = true;
  } else addObject(tree, input as Record<string, unknown>);
  return tree;
}

/** Base of every fake API object: property reads need load + sync, writes and calls queue commands. */
export abstract class ProxyBase {
  private readonly _loaded = new Map<string, unknown>();
  private _null: boolean | undefined;
  /** True for objects from …OrNullObject calls. */
  protected _nullable = false;

  constructor(readonly context: FakeRequestContext, readonly _path: string) {}

  /** Scalar properties that `load` can fetch, with the ExcelApi version each needs. */
  protected abstract _props(): Record<string, PropSpec>;
  /** Navigation properties that load paths such as "format/fill/color" walk through. */
  protected _nav(): Record<string, ProxyBase> {
    return {};
  }
  /** Throws ItemNotFound (etc.) when the object does not exist at execution time. */
  protected abstract _exists(): boolean;

  get isNullObject(): boolean {
    if (this._null === undefined) throw propertyNotLoaded("isNullObject");
    return this._null;
  }

  _deliver(name: string, v: unknown): void {
    this._loaded.set(name, v);
  }
  _deliverNull(isNull: boolean): void {
    this._null = isNull;
  }

  protected _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw propertyNotLoaded(name);
    return this._loaded.get(name) as T;
  }

  /** Queues a command. `run` executes at sync against the state; it may throw an Excel error. */
  protected _queue(name: string, args: unknown[], api: string, run: () => void): void {
    this.context.enqueue({ path: this._path, name, args, api, run: () => run() });
  }

  /** For …OrNullObject: the null answer is part of the request, like any command. */
  protected _queueNullCheck(): void {
    this._nullable = true;
    this.context.enqueue({
      path: this._path,
      name: "getOrNullObject",
      args: [],
      api: "1.4",
      run: (pending) => pending.nulls.set(this, !this._exists()),
    });
  }

  load(input?: LoadInput): this {
    const tree = parseLoad(input);
    this.context.enqueue({
      path: this._path,
      name: "load",
      args: [input ?? ""],
      api: "1.1",
      run: (pending) => this._runLoad(tree, pending),
    });
    return this;
  }

  _runLoad(tree: LoadTree, pending: Pending): void {
    const isNull = this._nullable && !this._exists();
    const props = this._props();
    const names = tree.all ? Object.keys(props) : [...tree.scalars];
    const nav = this._nav();
    for (const n of names) {
      if (nav[n] !== undefined && !tree.all) {
        nav[n]._runLoad({ all: true, scalars: new Set(), nav: new Map() }, pending);
        continue;
      }
      const spec = props[n];
      if (!spec) fail("InvalidArgument", `Cannot load unknown property '${n}'.`);
      if (!versionAtLeast(this.context.engine.options.apiVersion, spec.api)) {
        fail("ApiNotFound", `Property '${n}' needs ExcelApi ${spec.api}.`);
      }
      pending.put(this, n, isNull ? null : spec.read());
    }
    for (const [k, sub] of tree.nav) {
      const child = nav[k];
      if (!child) fail("InvalidArgument", `Cannot load unknown navigation property '${k}'.`);
      if (!isNull) child._runLoad(sub, pending);
    }
  }

  set(properties: Record<string, unknown>): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(properties)) {
      const nav = this._nav()[k];
      if (nav && typeof v === "object" && v !== null) nav.set(v as Record<string, unknown>);
      else self[k] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** Memoizes what a proxy points at: Excel resolves an object path once, at first use. */
export function memo<T>(f: () => T): () => T {
  let done = false;
  let v: T | undefined;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v as T;
  };
}
