import { installFake } from "./fixtures";

type Commands = typeof import("../../src/commands/commands");
type Notify = typeof import("../../src/excel/notify");

let notify: Notify;

/** Load commands.ts as the shared runtime does: after office.js (the fake) is in place; notify from the same registry. */
function loadCommands(): Commands {
  let mod: Commands | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual<Commands>("../../src/commands/commands");
    notify = jest.requireActual<Notify>("../../src/excel/notify");
  });
  if (!mod) throw new Error("commands did not load");
  return mod;
}

const lastResult = () => notify.lastResult();

function fakeEvent() {
  return { completed: jest.fn(), source: { id: "test" } };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
}

afterEach(() => {
  jest.resetModules();
  jest.dontMock("../../src/excel/actions");
});

describe("ribbon commands", () => {
  test("Office.onReady registers both ExecuteFunction names", () => {
    const fake = installFake();
    loadCommands();
    expect([...fake.actions.keys()].sort()).toEqual(["insertTemplate", "openClean", "openFilters", "scoreAndTier"]);
  });

  test("insertTemplate runs the action, completes the event once, and stores the result for the pane", async () => {
    const fake = installFake({ displayLanguage: "zh-TW" });
    loadCommands();
    const event = fakeEvent();
    await fake.actions.get("insertTemplate")?.(event);
    await settle();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(fake.workbook.sheetNames()).toContain("客户信息");
    expect(lastResult()).toMatchObject({ action: "insertTemplate", ok: true, lang: "zh-CN" });
  });

  test("a failing action (old Excel) still completes the event once and reports in the display language", async () => {
    const fake = installFake({ apiVersion: "1.7", displayLanguage: "en-GB" });
    loadCommands();
    const event = fakeEvent();
    await fake.actions.get("scoreAndTier")?.(event);
    await settle();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(lastResult()).toMatchObject({ action: "scoreAndTier", ok: false, lang: "en-US" });
    expect(lastResult()?.message).toMatch(/ExcelApi 1\.8/);
  });

  test("an action that throws: completed is still called once, the failure is stored, the pane is asked to open", async () => {
    const fake = installFake();
    const showAsTaskpane = jest.fn(() => Promise.resolve());
    Object.assign(fake.Office, { addin: { showAsTaskpane } });
    jest.doMock("../../src/excel/actions", () => ({
      runInsertTemplate: () => Promise.reject(new Error("boom")),
      runScoreAndTier: () => Promise.reject(new Error("boom")),
    }));
    loadCommands();
    const event = fakeEvent();
    await fake.actions.get("insertTemplate")?.(event);
    await settle();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(lastResult()).toMatchObject({ action: "insertTemplate", ok: false, message: "boom" });
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  });

  test("the pane is not reopened when it is already showing", async () => {
    const fake = installFake();
    const showAsTaskpane = jest.fn(() => Promise.resolve());
    Object.assign(fake.Office, { addin: { showAsTaskpane } });
    const mod = loadCommands();
    notify.setPaneVisible(true);
    const event = fakeEvent();
    await mod.runCommand("insertTemplate", event as unknown as Office.AddinCommands.Event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).not.toHaveBeenCalled();
  });
});
