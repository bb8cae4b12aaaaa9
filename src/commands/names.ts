/**
 * The ribbon's ExecuteFunction commands. Each name is a `<FunctionName>` in manifest.xml and must be
 * registered in the shared runtime with `Office.actions.associate(name, handler)`;
 * test/manifest checks both sides.
 */
export const COMMAND_FUNCTIONS = ["insertTemplate", "scoreAndTier"] as const;

export type CommandFunctionName = (typeof COMMAND_FUNCTIONS)[number];

export function isCommandFunctionName(name: string): name is CommandFunctionName {
  return (COMMAND_FUNCTIONS as readonly string[]).includes(name);
}
