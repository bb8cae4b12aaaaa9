/** The few parts of the common `Office` namespace the shell touches. */
import { versionAtLeast } from "./context";

export type ActionHandler = (event: { completed: (options?: unknown) => void; source?: { id: string } }) => unknown;

export interface FakeOffice {
  context: {
    displayLanguage: string;
    requirements: { isSetSupported: (name: string, minVersion?: string) => boolean };
  };
  onReady: (callback?: (info: { host: string | null; platform: string | null }) => void) => Promise<{ host: string | null; platform: string | null }>;
  actions: { associate: (name: string, handler: ActionHandler) => void };
  HostType: { Excel: "Excel" };
  PlatformType: { OfficeOnline: "OfficeOnline"; PC: "PC"; Mac: "Mac" };
}

export function createOffice(apiVersion: string, displayLanguage: string, handlers: Map<string, ActionHandler>, platform: string): FakeOffice {
  const info = { host: "Excel", platform };
  return {
    context: {
      displayLanguage,
      requirements: {
        isSetSupported: (name: string, minVersion?: string) =>
          name === "ExcelApi" ? versionAtLeast(apiVersion, minVersion ?? "1.1") : name === "SharedRuntime" ? true : false,
      },
    },
    onReady: (callback) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    actions: {
      associate: (name, handler) => {
        handlers.set(name, handler);
      },
    },
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  };
}
