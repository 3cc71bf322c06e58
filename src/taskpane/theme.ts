import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * Whether Office's theme is a dark one, from its body background colour ("#262626" in Excel's black theme,
 * `Office.context.officeTheme.bodyBackgroundColor`): relative luminance below one half. Undefined or unreadable: light.
 * @example isDarkBackground("#262626") //=> true
 * @example isDarkBackground("#FFFFFF") //=> false
 */
export function isDarkBackground(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color?.trim() ?? "");
  if (match === null) return false;
  const [r, g, b] = [match[1]!, match[2]!, match[3]!].map((hex) => parseInt(hex, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Fluent's web theme matching Office's. */
export function paneTheme(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}
