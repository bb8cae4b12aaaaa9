import { escapeXml, findTags, readAttr } from "./xml";

export const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
} as const;

/** Adds (or corrects) the Override for a part ("xl/charts/chart1.xml"). */
export function addOverride(xml: string, part: string, contentType: string): string {
  const partName = `/${part}`;
  const existing = findTags(xml, "Override").find((t) => readAttr(t, "PartName") === partName);
  const override = `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`;
  if (existing) return xml.replace(existing, override);
  const close = xml.lastIndexOf("</Types>");
  if (close < 0) throw new Error("[Content_Types].xml has no </Types>");
  return xml.slice(0, close) + override + xml.slice(close);
}
