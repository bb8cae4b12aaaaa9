/** context.workbook: worksheets, tables, application. */
import { FakeRequestContext, ProxyBase, PropSpec } from "./context";
import { FakeTableCollection } from "./table";
import { FakeWorksheetCollection } from "./worksheet";

export class FakeApplication extends ProxyBase {
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    return { calculationMode: { api: "1.1", read: () => "Automatic" } };
  }
  get calculationMode(): string { return this._get("calculationMode"); }
  suspendApiCalculationUntilNextSync(): void {
    this._queue("suspendApiCalculationUntilNextSync", [], "1.6", () => { this.context.engine.calculationSuspended = true; });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._queue("suspendScreenUpdatingUntilNextSync", [], "1.9", () => { this.context.engine.screenUpdatingSuspended = true; });
  }
}

export class FakeWorkbook extends ProxyBase {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook");
    this.worksheets = new FakeWorksheetCollection(ctx, "worksheets");
    this.tables = new FakeTableCollection(ctx, "tables");
    this.application = new FakeApplication(ctx, "application");
  }
  protected _exists(): boolean { return true; }
  protected override _nav(): Record<string, ProxyBase> {
    return { worksheets: this.worksheets, tables: this.tables, application: this.application };
  }
  protected _props(): Record<string, PropSpec> {
    return { name: { api: "1.7", read: () => "Book1.xlsx" } };
  }
  get name(): string { return this._get("name"); }
}
