import { createFakeExcel, FakeExcelError, PAYLOAD_LIMIT } from "./index";

async function rejection(p: Promise<unknown>): Promise<FakeExcelError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeExcelError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

function seeded(options: Parameters<typeof createFakeExcel>[0] = {}) {
  const fake = createFakeExcel(options);
  fake.workbook.addSheet("Customers", [
    ["Name", "Grade", "Score"],
    ["Ann", "A", 5],
    ["Bob", "B", 3],
    ["Cy", "A", 1],
  ]);
  return fake;
}

describe("load and sync", () => {
  test("reading an unloaded property throws PropertyNotLoaded, even after setting it", async () => {
    const fake = seeded();
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Customers").getRange("A1:C2");
      r.values = [["x", "y", "z"], [1, 2, 3]];
      expect(() => r.values).toThrow(/The property 'values' is not available/);
      await ctx.sync();
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values, address, rowCount");
      await ctx.sync();
      expect(r.values).toEqual([["x", "y", "z"], [1, 2, 3]]);
      expect(r.address).toBe("Customers!A1:C2");
      expect(r.rowCount).toBe(2);
      expect(() => r.formulas).toThrow(/formulas/);
    });
  });

  test("collections need items loaded; load paths reach navigation properties", async () => {
    const fake = seeded();
    fake.workbook.addSheet("My Sheet");
    await fake.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/items/);
      sheets.load("items/name");
      const fill = ctx.workbook.worksheets.getItem("My Sheet").getRange("B2");
      fill.load(["address", "format/fill/color"]);
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Customers", "My Sheet"]);
      expect(fill.address).toBe("'My Sheet'!B2");
      expect(fill.format.fill.color).toBe("#FFFFFF");
    });
  });

  test("syncs are counted and request bytes recorded", async () => {
    const fake = seeded();
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Customers").getRange("A5").values = [["Dee"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Customers").getRange("A6").values = [["Eve"]];
    });
    expect(fake.stats.syncs).toBe(2); // the second one is Excel.run's implicit sync
    expect(fake.stats.requests).toHaveLength(2);
    // getRange is itself a command: payload grows with proxy objects as well as with values.
    expect(fake.stats.requests[0].ops).toBe(2);
    expect(fake.stats.requests[0].bytes).toBeGreaterThan(10);
    expect(fake.stats.maxRequestBytes).toBe(Math.max(...fake.stats.requests.map((r) => r.bytes)));
  });

  test("proxies cannot be used after their Excel.run ended", async () => {
    const fake = seeded();
    const leaked = await fake.Excel.run(async (ctx) => ctx.workbook.worksheets.getItem("Customers"));
    expect(() => leaked.getRange("A1").load("values")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });
});

describe("writes", () => {
  test("a 2-D array whose shape differs from the range fails with InvalidArgument at sync", async () => {
    const fake = seeded();
    const before = fake.workbook.hash();
    const err = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Customers").getRange("A1:B2").values = [["only one"]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.name).toBe("RichApi.Error");
    expect(fake.workbook.hash()).toBe(before);
  });

  test("a scalar fills the range; '=' makes a formula; numbers parse unless the cell is text ('@')", async () => {
    const fake = seeded();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Customers");
      ws.getRange("E1:E2").values = [["x"], ["x"]];
      ws.getRange("F1:G1").values = "z" as unknown as unknown[][];
      ws.getRange("H1").values = [["=SUM(C2:C4)"]];
      ws.getRange("H2").values = [["0101"]];
      ws.getRange("H3").numberFormat = [["@"]];
      ws.getRange("H3").values = [["0101"]];
      ws.getRange("H4").values = [["'=1+1"]];
      ws.getRange("H5").values = [["- note"]];
      await ctx.sync();
    });
    const s = fake.workbook.sheet("Customers");
    expect(s.values("F1:G1")).toEqual([["z", "z"]]);
    expect(s.cell("H1").formula).toBe("=SUM(C2:C4)");
    expect(s.cell("H2").value).toBe(101);
    expect(s.cell("H3")).toMatchObject({ value: "0101", numberFormat: "@" });
    expect(s.cell("H4")).toMatchObject({ value: "=1+1", quotePrefix: true, formula: undefined });
    expect(s.cell("H5").formula).toBe("=- note");
  });

  test("an error mid-batch keeps the commands before it and drops the rest", async () => {
    const fake = seeded();
    const err = await rejection(
      fake.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Customers");
        ws.getRange("E1").values = [["before"]];
        ws.getRange("E2:E3").values = [["bad"]];
        ws.getRange("E4").values = [["after"]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(fake.workbook.sheet("Customers").values("E1:E4")).toEqual([["before"], [""], [""], [""]]);
  });
});

describe("limits, versions and failures", () => {
  test("a request over 5 MB is rejected whole", async () => {
    const fake = seeded();
    const before = fake.workbook.hash();
    const big = Array.from({ length: 60000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    const err = await rejection(
      fake.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Customers");
        ws.getRange("A10").values = [["small"]];
        ws.getRange("F1:F60000").values = big;
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(fake.workbook.hash()).toBe(before);
  });

  test("a response over 5 MB is rejected", async () => {
    const fake = createFakeExcel({ payloadLimit: 1000 });
    fake.workbook.addSheet("S", Array.from({ length: 100 }, () => ["long text value"]));
    const err = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A100").load("values");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("APIs above the host's ExcelApi version fail with ApiNotFound; isSetSupported agrees", async () => {
    const fake = seeded({ apiVersion: "1.7" });
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
    const err = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Customers").getRange("B2:B4").dataValidation.rule = {
          list: { inCellDropDown: true, source: "A,B,C" },
        };
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ApiNotFound");
    const err2 = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
        await ctx.sync();
      }),
    );
    expect(err2.code).toBe("ApiNotFound");
    expect(createFakeExcel().Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
  });

  test("failOnRequest rejects that sync with GeneralException and applies nothing", async () => {
    const fake = seeded({ failOnRequest: 2 });
    const before = fake.workbook.hash();
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Customers").load("name");
      await ctx.sync();
    });
    const err = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Customers").getRange("A1").values = [["changed"]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("GeneralException");
    expect(fake.workbook.hash()).toBe(before);
  });
});

describe("worksheets", () => {
  test("getItem of a missing sheet fails at sync; getItemOrNullObject reports null", async () => {
    const fake = seeded();
    const err = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => ws.isNullObject).toThrow();
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  test("add rejects duplicates (ItemAlreadyExists) and invalid names (InvalidArgument)", async () => {
    const fake = seeded();
    const dup = await rejection(fake.Excel.run(async (ctx) => { ctx.workbook.worksheets.add("customers"); await ctx.sync(); }));
    expect(dup.code).toBe("ItemAlreadyExists");
    const bad = await rejection(fake.Excel.run(async (ctx) => { ctx.workbook.worksheets.add("a/b"); await ctx.sync(); }));
    expect(bad.code).toBe("InvalidArgument");
    const long = await rejection(fake.Excel.run(async (ctx) => { ctx.workbook.worksheets.add("x".repeat(32)); await ctx.sync(); }));
    expect(long.code).toBe("InvalidArgument");
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("客户信息");
      ws.activate();
      ws.freezePanes.freezeRows(1);
      ws.load("name, position");
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      await ctx.sync();
      expect(ws.position).toBe(1);
      expect(active.name).toBe("客户信息");
    });
    expect(fake.workbook.sheet("客户信息").frozenRows).toBe(1);
  });

  test("a protected sheet rejects writes with AccessDenied and stays unchanged", async () => {
    const fake = seeded();
    fake.workbook.protect("Customers");
    const before = fake.workbook.hash();
    const attempts: Array<(ws: ReturnType<typeof wsOf>) => void> = [
      (ws) => { ws.getRange("A1").values = [["x"]]; },
      (ws) => { ws.getRange("A1").format.fill.color = "#FF0000"; },
      (ws) => { ws.tables.add("A1:C4", true); },
      (ws) => { ws.getRange("B2").dataValidation.rule = { custom: { formula: "=TRUE" } }; },
      (ws) => { ws.getRange("C2:C4").conditionalFormats.add("Custom"); },
      (ws) => { ws.charts.add("Pie", ws.getRange("A1:C4"), "Auto"); },
      (ws) => { ws.freezePanes.freezeRows(1); },
    ];
    function wsOf(ctx: { workbook: { worksheets: { getItem: (n: string) => unknown } } }) {
      return ctx.workbook.worksheets.getItem("Customers") as import("./worksheet").FakeWorksheet;
    }
    for (const attempt of attempts) {
      const err = await rejection(fake.Excel.run(async (ctx) => { attempt(wsOf(ctx)); await ctx.sync(); }));
      expect(err.code).toBe("AccessDenied");
    }
    expect(fake.workbook.hash()).toBe(before);
    await fake.Excel.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Customers").protection;
      p.load("protected");
      await ctx.sync();
      expect(p.protected).toBe(true);
    });
  });

  test("used range: null object on an empty sheet, bounds otherwise", async () => {
    const fake = seeded();
    fake.workbook.addSheet("Empty");
    await fake.Excel.run(async (ctx) => {
      const empty = ctx.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
      const used = ctx.workbook.worksheets.getItem("Customers").getUsedRange(true);
      used.load("address");
      await ctx.sync();
      expect(empty.isNullObject).toBe(true);
      expect(used.address).toBe("Customers!A1:C4");
    });
  });

  test("getIntersectionOrNullObject: the overlap, or a null object (ExcelApi 1.4) where getIntersection fails", async () => {
    const fake = seeded();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Customers");
      const base = ws.getRange("A1:C4");
      const part = base.getIntersectionOrNullObject(ws.getRange("B3:F9")).load("address");
      const none = base.getIntersectionOrNullObject("E1:F2").load("values");
      await ctx.sync();
      expect(part.isNullObject).toBe(false);
      expect(part.address).toBe("Customers!B3:C4");
      expect(none.isNullObject).toBe(true);
      base.getIntersection("E1:F2").load("address");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    const old = createFakeExcel({ apiVersion: "1.3" });
    old.workbook.addSheet("S", [[1]]);
    await old.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").getIntersectionOrNullObject("A1");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

describe("tables", () => {
  test("created over values, they keep them; headers are the column names; rows append and shift", async () => {
    const fake = seeded();
    fake.workbook.sheet("Customers");
    fake.workbook.addSheet("Other", [["x"]]);
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Customers");
      ws.getRange("A6").values = [["below"]];
      const t = ws.tables.add("A1:C4", true);
      t.name = "Customers";
      t.rows.add(null, [["Dee", "B", 4]]);
      const cols = t.columns;
      cols.load("items/name");
      const body = t.getDataBodyRange();
      body.load("address");
      await ctx.sync();
      expect(cols.items.map((c) => c.name)).toEqual(["Name", "Grade", "Score"]);
      expect(body.address).toBe("Customers!A2:C5");
    });
    const s = fake.workbook.sheet("Customers");
    expect(s.values("A5:C5")).toEqual([["Dee", "B", 4]]);
    expect(s.cell("A7").value).toBe("below");
    expect(s.tables()).toEqual([expect.objectContaining({ name: "Customers", address: "Customers!A1:C5", headers: ["Name", "Grade", "Score"] })]);

    const dupName = await rejection(fake.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Other!A1:A2", true);
      t.name = "customers";
      await ctx.sync();
    }));
    expect(dupName.code).toBe("ItemAlreadyExists");
    const overlap = await rejection(fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Customers").tables.add("C3:D8", true);
      await ctx.sync();
    }));
    expect(overlap.code).toBe("MergedRangeConflict");
    const shape = await rejection(fake.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("Customers").rows.add(null, [["too", "short"]]);
      await ctx.sync();
    }));
    expect(shape.code).toBe("InvalidArgument");
  });

  test("columns.add appends a named column; getItemOrNullObject finds tables workbook-wide", async () => {
    const fake = seeded();
    fake.workbook.addTable("Customers", "A1:C4", "Customers");
    await fake.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject("Customers");
      const missing = ctx.workbook.tables.getItemOrNullObject("Nope");
      t.columns.add(null, [["Tier"], ["A"], ["B"], ["C"]]);
      await ctx.sync();
      expect(t.isNullObject).toBe(false);
      expect(missing.isNullObject).toBe(true);
    });
    expect(fake.workbook.sheet("Customers").tables()[0].headers).toEqual(["Name", "Grade", "Score", "Tier"]);
  });
});

describe("data validation", () => {
  test("exactly one rule kind; long typed lists are refused; alerts are stored", async () => {
    const fake = seeded();
    await fake.Excel.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("Customers").getRange("B2:B4").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "=Lists!$A$2:$A$21" } };
      dv.errorAlert = { showAlert: true, style: "Warning", title: "t", message: "m" };
      dv.load("type, rule");
      await ctx.sync();
      expect(dv.type).toBe("List");
    });
    expect(fake.workbook.sheet("Customers").validationAt("B3")).toMatchObject({
      rule: { list: { source: "=Lists!$A$2:$A$21" } },
      errorAlert: { style: "Warning" },
    });
    const two = await rejection(fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Customers").getRange("C2").dataValidation.rule = {
        wholeNumber: { formula1: 1, formula2: 5, operator: "Between" },
        decimal: { formula1: 0, operator: "GreaterThan" },
      };
      await ctx.sync();
    }));
    expect(two.code).toBe("InvalidArgument");
    const long = await rejection(fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Customers").getRange("C2").dataValidation.rule = {
        list: { inCellDropDown: true, source: Array.from({ length: 60 }, (_, i) => `item${i}`).join(",") },
      };
      await ctx.sync();
    }));
    expect(long.code).toBe("InvalidArgument");
  });
});

describe("conditional formats", () => {
  test("cellValue, custom and colour scale rules are recorded with priorities", async () => {
    const fake = seeded();
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Customers").getRange("C2:C4");
      const cv = r.conditionalFormats.add("CellValue");
      cv.cellValue.rule = { formula1: "=2", operator: "LessThan" };
      cv.cellValue.format.fill.color = "#FFC7CE";
      const custom = r.conditionalFormats.add("Custom");
      custom.custom.rule.formula = "=$B2=\"A\"";
      custom.custom.format.font.color = "#006100";
      custom.stopIfTrue = true;
      const scale = r.conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = {
        minimum: { type: "LowestValue", formula: null, color: "#F8696B" },
        maximum: { type: "HighestValue", formula: null, color: "#63BE7B" },
      };
      const count = r.conditionalFormats.getCount();
      await ctx.sync();
      expect(count.value).toBe(3);
    });
    const cfs = fake.workbook.sheet("Customers").conditionalFormats();
    expect(cfs.map((c) => c.type)).toEqual(["ColorScale", "Custom", "CellValue"]);
    expect(cfs[2]).toMatchObject({ address: "Customers!C2:C4", cellValue: { rule: { operator: "LessThan" }, format: { fill: "#FFC7CE" } } });
    expect(cfs[1]).toMatchObject({ stopIfTrue: true, custom: { formula: "=$B2=\"A\"", format: { fontColor: "#006100" } } });
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Customers").getRange("C2:C4").conditionalFormats.clearAll();
    });
    expect(fake.workbook.sheet("Customers").conditionalFormats()).toHaveLength(0);
  });
});

describe("charts", () => {
  test("add records type, source and title; getItemOrNullObject and delete work", async () => {
    const fake = seeded();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Customers");
      const chart = ws.charts.add("Pie", ws.getRange("A1:C4"), "Auto");
      chart.name = "GradeMix";
      chart.title.text = "Grades";
      chart.setPosition("E2", "K15");
      await ctx.sync();
      const found = ws.charts.getItemOrNullObject("GradeMix");
      const none = ws.charts.getItemOrNullObject("Nope");
      await ctx.sync();
      expect(found.isNullObject).toBe(false);
      expect(none.isNullObject).toBe(true);
    });
    expect(fake.workbook.sheet("Customers").charts()).toEqual([
      expect.objectContaining({ name: "GradeMix", type: "Pie", source: "Customers!A1:C4", title: "Grades", position: { start: "E2", end: "K15" } }),
    ]);
    const bad = await rejection(fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Customers");
      ws.charts.add("Radar3D", ws.getRange("A1:C4"), "Auto");
      await ctx.sync();
    }));
    expect(bad.code).toBe("InvalidArgument");
  });
});

describe("autoFilter", () => {
  test("values and custom criteria hide the rows that do not match", async () => {
    const fake = seeded();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Customers");
      ws.autoFilter.apply(ws.getRange("A1:C4"), 1, { filterOn: "Values", values: ["A"] });
      await ctx.sync();
    });
    expect(fake.workbook.sheet("Customers").hiddenRows()).toEqual([3]);
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Customers");
      ws.autoFilter.apply(ws.getRange("A1:C4"), 2, { filterOn: "Custom", criterion1: ">=4" });
    });
    expect(fake.workbook.sheet("Customers").hiddenRows()).toEqual([3, 4]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Customers").autoFilter.clearCriteria();
    });
    expect(fake.workbook.sheet("Customers").hiddenRows()).toEqual([]);
  });

  test("table autoFilter filters the table's own range", async () => {
    const fake = seeded();
    fake.workbook.addTable("Customers", "A1:C4", "Customers");
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("Customers").autoFilter.apply(undefined, 2, { filterOn: "Custom", criterion1: "<2", criterion2: ">4", operator: "Or" });
    });
    expect(fake.workbook.sheet("Customers").hiddenRows()).toEqual([3]); // Bob's 3 is neither <2 nor >4
  });
});

describe("Office and install", () => {
  test("install sets globals; displayLanguage, onReady and actions.associate work", async () => {
    const fake = createFakeExcel({ displayLanguage: "zh-CN" });
    const g: Record<string, unknown> = {};
    fake.install(g);
    expect(g.Excel).toBe(fake.Excel);
    expect(fake.Office.context.displayLanguage).toBe("zh-CN");
    await expect(fake.Office.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    const done = jest.fn();
    fake.Office.actions.associate("insertTemplate", (e) => e.completed());
    await fake.actions.get("insertTemplate")?.({ completed: done });
    expect(done).toHaveBeenCalled();
    expect(fake.Excel.ChartType).toMatchObject({ pie: "Pie" });
  });
});
