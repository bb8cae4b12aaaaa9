/** Collections (`items` needs load) and ClientResult (`value` needs sync), as in Office.js. */
import { FakeRequestContext, Pending, ProxyBase, PropSpec, parseLoad } from "./context";
import { propertyNotLoaded } from "./errors";

export class ClientResult<T> {
  private _has = false;
  private _v: T | undefined;
  get value(): T {
    if (!this._has) throw propertyNotLoaded("value");
    return this._v as T;
  }
  _set(v: T): void {
    this._v = v;
    this._has = true;
  }
}

export function queueResult<T>(owner: ProxyBase, name: string, api: string, compute: () => T): ClientResult<T> {
  const r = new ClientResult<T>();
  owner.context.enqueue({
    path: owner._path,
    name,
    args: [],
    api,
    run: (pending: Pending) => {
      const v = compute();
      // Delivered with the rest of the response, so a failed request leaves it unread.
      pending.put(new ResultCarrier(owner.context, r), "value", v);
    },
  });
  return r;
}

class ResultCarrier<T> extends ProxyBase {
  constructor(ctx: FakeRequestContext, private readonly r: ClientResult<T>) {
    super(ctx, "result");
  }
  protected _props(): Record<string, PropSpec> { return {}; }
  protected _exists(): boolean { return true; }
  override _deliver(_name: string, v: unknown): void { this.r._set(v as T); }
}

export abstract class CollectionProxy<T extends ProxyBase> extends ProxyBase {
  /** Item proxies for what exists when the load runs. */
  protected abstract _list(): T[];

  get items(): T[] {
    return this._get<T[]>("items");
  }

  protected _props(): Record<string, PropSpec> {
    return {};
  }
  protected _exists(): boolean {
    return true;
  }

  override _runLoad(tree: ReturnType<typeof parseLoad>, pending: Pending): void {
    const scalars = [...tree.scalars].filter((s) => s !== "items");
    const itemTree = tree.nav.get("items") ?? {
      all: tree.all || scalars.length === 0,
      scalars: new Set(scalars),
      nav: new Map([...tree.nav].filter(([k]) => k !== "items")),
    };
    const items = this._list();
    for (const it of items) it._runLoad(itemTree, pending);
    pending.put(this, "items", items);
  }
}
