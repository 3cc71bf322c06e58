import { defaultNumberFormat, type ColumnStyle, type ReportText, type RowRole } from "../engine/report/model";

/** An ARGB colour as SpreadsheetML stores it: alpha first, "FF" for opaque ("FFDDEBF7"). */
export interface ArgbColor {
  readonly argb: string;
}

export interface CellFont {
  readonly name: string;
  readonly family: number;
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: ArgbColor;
}

export interface CellBorderEdge {
  readonly style: "thin";
}

/**
 * The look of one cell: the subset of SpreadsheetML's cell format (font, solid fill, border edges, number format,
 * horizontal alignment) that reports use. The shape follows ExcelJS's `Style`, so a style read back by ExcelJS
 * compares field by field. The writer turns each distinct style into one `<xf>` of styles.xml.
 */
export interface CellStyle {
  readonly font?: CellFont;
  readonly fill?: { readonly type: "pattern"; readonly pattern: "solid"; readonly fgColor: ArgbColor };
  readonly border?: { readonly top?: CellBorderEdge; readonly bottom?: CellBorderEdge };
  readonly numFmt?: string;
  readonly alignment?: { readonly horizontal: "right" };
}

const HEADER_FILL_ARGB = "FFDDEBF7";
const HEADER_TEXT_ARGB = "FF000000";
const NOTE_ARGB = "FF666666";
const thin = { style: "thin" } as const;
// Fonts name their face: a bare <b/> leaves the face to the reader (LibreOffice picks a serif one).
const BASE_FONT = { name: "Calibri", family: 2, size: 11 } as const;

const textStyles: Readonly<Record<ReportText["role"], CellStyle>> = {
  title: deepFreeze({ font: { ...BASE_FONT, bold: true, size: 14 } }),
  subtitle: deepFreeze({ font: { ...BASE_FONT, size: 11 } }),
  note: deepFreeze({ font: { ...BASE_FONT, italic: true, color: { argb: NOTE_ARGB } } }),
};

export function textStyle(role: ReportText["role"]): CellStyle {
  return textStyles[role];
}

/**
 * The look of a report, in one place: the renderer asks for a style by role and column and gets one shared,
 * frozen style object, so that 100,000 cells of a column cost one object, not 100,000 (and the writer finds the
 * style's `<xf>` by the object's identity).
 */
export class ReportCellStyles {
  private readonly cache = new Map<string, CellStyle>();

  /**
   * Header cell of a column, the same inside a native table: the explicit black-on-light header overrides the
   * table style's header in Excel, and LibreOffice, which ignores table styles, shows the same header.
   */
  header(column: ColumnStyle | undefined): CellStyle {
    const alignment = isNumeric(column) ? { horizontal: "right" as const } : undefined;
    return this.shared(`header|${alignment ? "r" : "l"}`, () => ({
      font: { ...BASE_FONT, bold: true, color: { argb: HEADER_TEXT_ARGB } },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL_ARGB } },
      border: { bottom: thin },
      ...(alignment ? { alignment } : {}),
    }));
  }

  /** Data cell of a column, plain or on a total/subtotal row. */
  data(column: ColumnStyle | undefined, role: RowRole | undefined): CellStyle {
    const numFmt = column === undefined ? undefined : (column.numberFormat ?? defaultNumberFormat(column.kind));
    return this.shared(`data|${role ?? ""}|${numFmt ?? ""}`, () => ({
      ...(numFmt !== undefined ? { numFmt } : {}),
      ...(role !== undefined ? { font: { ...BASE_FONT, bold: true }, border: { top: thin } } : {}),
    }));
  }

  private shared(key: string, make: () => CellStyle): CellStyle {
    let style = this.cache.get(key);
    if (style === undefined) {
      style = deepFreeze(make());
      this.cache.set(key, style);
    }
    return style;
  }
}

function isNumeric(column: ColumnStyle | undefined): boolean {
  return column !== undefined && column.kind !== "text";
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === "object" && inner !== null) deepFreeze(inner as object);
  }
  return Object.freeze(value);
}
