/**
 * A strict in-memory fake of the Excel JavaScript API subset the Office.js shell uses.
 * Plain TypeScript with no Node or DOM APIs, so it can run under jest and be injected into a page.
 */
import { Engine, FakeRequestContext, FakeStats, PAYLOAD_LIMIT } from "./context";
import { ExcelEnums } from "./enums";
import { FakeExcelError } from "./errors";
import { ActionHandler, createOffice, FakeOffice } from "./office";
import { FakeWorkbook } from "./workbook";
import { FakeWorkbookState } from "./workbook-state";

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the fake host supports; calls above it fail with ApiNotFound. */
  apiVersion?: string;
  displayLanguage?: string;
  platform?: string;
  /** The k-th sync (1-based, counted over the whole fake) rejects with GeneralException and applies nothing. */
  failOnRequest?: number;
  /** Request/response limit in bytes; 5 MB as in Excel on the web. */
  payloadLimit?: number;
}

/** What `context` is inside `Excel.run`. */
export class FakeExcelContext extends FakeRequestContext {
  readonly workbook: FakeWorkbook;
  constructor(engine: Engine) {
    super(engine);
    this.workbook = new FakeWorkbook(this);
  }
}

export interface FakeExcelNamespace {
  run: <T>(batch: (context: FakeExcelContext) => Promise<T>) => Promise<T>;
  RequestContext: new () => FakeExcelContext;
  [enumName: string]: unknown;
}

export interface FakeExcel {
  Excel: FakeExcelNamespace;
  Office: FakeOffice;
  OfficeExtension: { Error: typeof FakeExcelError; ErrorCodes: Record<string, string> };
  workbook: FakeWorkbookState;
  stats: FakeStats;
  /** Handlers registered with Office.actions.associate, by function name. */
  actions: Map<string, ActionHandler>;
  /** True while a suspend…UntilNextSync call is in force (reset after each sync). */
  flags: () => { calculationSuspended: boolean; screenUpdatingSuspended: boolean; enableEvents: boolean };
  install: (globalObj: object) => void;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const state = new FakeWorkbookState();
  const stats: FakeStats = { syncs: 0, requests: [], maxRequestBytes: 0, responses: [], maxResponseBytes: 0 };
  const engine: Engine = {
    state,
    stats,
    options: {
      apiVersion: options.apiVersion ?? "1.12",
      failOnRequest: options.failOnRequest,
      payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT,
    },
    enableEvents: true,
    calculationSuspended: false,
    screenUpdatingSuspended: false,
  };

  const run = async <T>(batch: (context: FakeExcelContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeExcelContext(engine);
    try {
      const result = await batch(ctx);
      // Excel.run syncs anything still queued when the batch returns (the docs advise an explicit sync).
      if (ctx.pendingCount > 0) await ctx.sync();
      return result;
    } finally {
      ctx.closed = true;
    }
  };

  class RequestContext extends FakeExcelContext {
    constructor() {
      super(engine);
    }
  }

  const Excel: FakeExcelNamespace = { ...ExcelEnums, run, RequestContext };
  const actions = new Map<string, ActionHandler>();
  const Office = createOffice(engine.options.apiVersion, options.displayLanguage ?? "en-US", actions, options.platform ?? "OfficeOnline");
  const OfficeExtension = { Error: FakeExcelError, ErrorCodes: { ...ExcelEnums.ErrorCodes } as Record<string, string> };

  return {
    Excel,
    Office,
    OfficeExtension,
    workbook: state,
    stats,
    actions,
    flags: () => ({
      calculationSuspended: engine.calculationSuspended,
      screenUpdatingSuspended: engine.screenUpdatingSuspended,
      enableEvents: engine.enableEvents,
    }),
    install: (globalObj: object) => {
      Object.assign(globalObj, { Excel, Office, OfficeExtension });
    },
  };
}

export { FakeExcelError } from "./errors";
export type { FakeErrorCode } from "./errors";
export { FakeWorkbookState, SheetView } from "./workbook-state";
export type { CellView, TableView } from "./workbook-state";
export type { FakeStats } from "./context";
export { PAYLOAD_LIMIT } from "./context";
export type { FakeWorkbook } from "./workbook";
export type { FakeWorksheet } from "./worksheet";
export type { FakeRange } from "./range";
export type { FakeTable } from "./table";
