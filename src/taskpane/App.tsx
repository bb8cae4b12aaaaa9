import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens, webLightTheme } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from "react";
import type { Lang } from "../core/plan/cells";
import { Home } from "./components/Home";
import { Progress, type BusyState } from "./components/Progress";
import { ResultBar } from "./components/ResultBar";
import type { Runner, ScreenProps } from "./components/screen";
import { connect, errorText, onRibbonResult, readWorkbook, type HostInfo, type PaneResult, type WorkbookRead } from "./host";
import { t, type TextKey } from "./i18n";
import { requestedScreen, screenFromHash, subscribeScreen, type Screen } from "./route";
import { useShared } from "./styles";

// Screens beyond Home load on first use: the first paint carries only what Home needs.
const Adopt = lazy(() => import("./components/Adopt"));
const Filters = lazy(() => import("./components/Filters"));
const Clean = lazy(() => import("./components/Clean"));
const SettingsScreen = lazy(() => import("./components/SettingsScreen"));

const SCREENS: { screen: Screen; label: TextKey }[] = [
  { screen: "home", label: "navHome" },
  { screen: "adopt", label: "navAdopt" },
  { screen: "clean", label: "navClean" },
  { screen: "filters", label: "navFilters" },
  { screen: "settings", label: "navSettings" },
];

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2, display: "flex", flexDirection: "column" },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { margin: 0, flexGrow: 1, minWidth: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  langButton: {
    minWidth: "56px",
    color: tokens.colorNeutralForegroundOnBrand,
    border: `1px solid ${tokens.colorNeutralForegroundOnBrand}`,
    ":hover": { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ":hover:active": { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundPressed },
    ":focus-visible": { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "2px" },
  },
  langCurrent: {
    color: tokens.colorBrandForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontWeight: tokens.fontWeightSemibold,
    ":hover": { color: tokens.colorBrandForeground1, backgroundColor: tokens.colorNeutralBackground1Hover },
    ":hover:active": { color: tokens.colorBrandForeground1, backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  langs: { display: "flex", columnGap: tokens.spacingHorizontalXS },
  navList: { display: "flex", listStyleType: "none", margin: 0, padding: `0 ${tokens.spacingHorizontalXS}`, columnGap: tokens.spacingHorizontalXXS },
  navButton: { minWidth: 0, borderRadius: 0, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: `3px solid transparent`, fontWeight: tokens.fontWeightRegular },
  navCurrent: {
    borderBottomColor: tokens.colorBrandStroke1,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    ":hover": { borderBottomColor: tokens.colorBrandStroke1 },
    ":hover:active": { borderBottomColor: tokens.colorBrandStroke1 },
  },
  nav: { backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowX: "auto" },
  status: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  loading: { margin: 0, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground2 },
});

export function App({ initialLang }: { initialLang: Lang }) {
  const s = useStyles();
  const shared = useShared();
  const [host, setHost] = useState<HostInfo | null>(null);
  const [lang, setLang] = useState<Lang>(initialLang);
  const [screen, setScreen] = useState<Screen>(() => requestedScreen() ?? screenFromHash(location.hash));
  const [read, setRead] = useState<WorkbookRead | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<BusyState | null>(null);
  const [result, setResult] = useState<PaneResult | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  const refresh = useCallback(async (): Promise<WorkbookRead | null> => {
    try {
      const r = await readWorkbook();
      setRead(r);
      setReadError(null);
      return r;
    } catch (e) {
      setReadError(errorText(e, langRef.current, "read"));
      return null;
    }
  }, []);

  useEffect(() => {
    let stop: (() => void) | undefined;
    void connect().then((info) => {
      setHost(info);
      setLang(info.displayLang);
      if (!info.inExcel) return;
      void refresh();
      // The ribbon's commands run in this same runtime: show their results and the new state.
      stop = onRibbonResult((r) => {
        setResult(r);
        void refresh();
      });
    });
    return () => stop?.();
  }, [refresh]);

  useEffect(() => {
    const onHash = () => setScreen(screenFromHash(location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t(lang, "appName")}`;
  }, [lang]);

  const go = useCallback((next: Screen) => {
    setScreen(next);
    // office.js removes history.replaceState/pushState (they break Office's host frame): the hash it is.
    const hash = next === "home" ? "" : `#${next}`;
    if (location.hash !== hash) location.hash = hash;
  }, []);

  // The ribbon's Clean and Filters buttons ask for their screen (shared runtime: route.ts).
  useEffect(() => subscribeScreen(go), [go]);

  const run: Runner = useCallback(
    async (start, task) => {
      setResult(null);
      setBusy(start);
      try {
        const r = await task((b) => setBusy(b));
        setResult(r);
        await refresh();
        return r;
      } finally {
        setBusy(null);
      }
    },
    [refresh],
  );

  const inExcel = host?.inExcel === true;
  const props: ScreenProps = { lang, setLang, enabled: inExcel && busy === null, inExcel, read, run, refresh, go };

  return (
    <FluentProvider theme={webLightTheme} className={s.root}>
      <header className={s.header}>
        <h1 className={s.title}>{t(lang, "appName")}</h1>
        <div className={s.langs} role="group" aria-label={t(lang, "language")}>
          {(["zh-CN", "en-US"] as const).map((l) => (
            <Button
              key={l}
              size="small"
              appearance="transparent"
              className={mergeClasses(s.langButton, lang === l && s.langCurrent)}
              aria-pressed={lang === l}
              lang={l}
              onClick={() => setLang(l)}
              aria-label={l === "zh-CN" ? "中文 (zh-CN)" : "English (en-US)"}
            >
              {l === "zh-CN" ? t(lang, "langZh") : t(lang, "langEn")}
            </Button>
          ))}
        </div>
      </header>
      <nav className={s.nav} aria-label={t(lang, "navLabel")}>
        <ul className={s.navList}>
          {SCREENS.map((x) => (
            <li key={x.screen}>
              <Button
                appearance="subtle"
                className={mergeClasses(s.navButton, screen === x.screen && s.navCurrent)}
                aria-current={screen === x.screen ? "page" : undefined}
                onClick={() => go(x.screen)}
                data-screen={x.screen}
              >
                {t(lang, x.label)}
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {(host === null || (host.inExcel === false) || busy || result || readError) && (
          <div className={s.status}>
            {host === null && <p className={s.loading} role="status">{t(lang, "loading")}</p>}
            {host !== null && !host.inExcel && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t(lang, "outsideTitle")}</MessageBarTitle>
                  {t(lang, "outsideBody")}
                </MessageBarBody>
              </MessageBar>
            )}
            {busy && <Progress busy={busy} lang={lang} />}
            {result && !busy && <ResultBar result={result} lang={lang} onDismiss={() => setResult(null)} />}
            {readError && !busy && (result === null || result.ok) && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{readError}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        )}
        <Suspense fallback={<p className={s.loading} role="status">{t(lang, "loading")}</p>}>
          <div className={shared.screen}>
            {screen === "home" && <Home {...props} />}
            {screen === "adopt" && <Adopt {...props} />}
            {screen === "clean" && <Clean {...props} />}
            {screen === "filters" && <Filters {...props} />}
            {screen === "settings" && <SettingsScreen {...props} />}
          </div>
        </Suspense>
      </main>
    </FluentProvider>
  );
}
