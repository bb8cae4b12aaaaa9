/**
 * The ribbon's ExecuteFunction commands. Each name is a `<FunctionName>` in manifest.xml and must be
 * registered in the shared runtime with `Office.actions.associate(name, handler)`;
 * test/manifest checks both sides.
 *
 * insertTemplate and scoreAndTier run an action; openClean and openFilters open the task pane on
 * their screen (a ShowTaskpane button cannot say which screen: see src/taskpane/route.ts).
 */
export const ACTION_FUNCTIONS = ["insertTemplate", "scoreAndTier"] as const;
export const OPEN_FUNCTIONS = ["openClean", "openFilters"] as const;
export const COMMAND_FUNCTIONS = [...ACTION_FUNCTIONS, ...OPEN_FUNCTIONS] as const;

export type ActionFunctionName = (typeof ACTION_FUNCTIONS)[number];
export type OpenFunctionName = (typeof OPEN_FUNCTIONS)[number];
export type CommandFunctionName = (typeof COMMAND_FUNCTIONS)[number];

export function isCommandFunctionName(name: string): name is CommandFunctionName {
  return (COMMAND_FUNCTIONS as readonly string[]).includes(name);
}
