/** The `code` of an OfficeExtension.Error (codes are not localized, messages are). */
export function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string" ? (e as { code: string }).code : undefined;
}

/** An answer over Excel on the web's 5 MB: the read ran and changed nothing, so it can be asked for again, smaller. */
export const answerTooBig = (e: unknown): boolean => errorCode(e) === "ResponsePayloadSizeLimitExceeded";
