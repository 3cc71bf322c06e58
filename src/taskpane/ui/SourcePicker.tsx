import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  Label,
  Link,
  makeStyles,
  mergeClasses,
  Select,
  tokens,
} from "@fluentui/react-components";
import { Fragment, useId, useState } from "react";
import type { TableKind } from "../../engine/tables/columnSynonyms";
import type { SourceView } from "../sources/previewSources";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
  warning: {
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  disclosure: {
    alignSelf: "flex-start",
    // Flush with the fields above: the button's own padding would indent it.
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
    fontWeight: tokens.fontWeightRegular,
  },
  chevron: {
    display: "inline-block",
    width: "6px",
    height: "6px",
    borderRight: `${tokens.strokeWidthThick} solid currentColor`,
    borderBottom: `${tokens.strokeWidthThick} solid currentColor`,
    transform: "rotate(-45deg)",
    transitionProperty: "transform",
    transitionDuration: tokens.durationFaster,
  },
  chevronOpen: {
    transform: "rotate(45deg)",
  },
  fields: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  fieldLabel: {
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  chosen: {
    fontWeight: tokens.fontWeightSemibold,
  },
  reset: {
    gridColumn: "1 / -1",
    justifySelf: "start",
  },
});

export interface SourcePickerProps {
  readonly strings: PaneStrings;
  readonly view: SourceView;
  readonly sheets: readonly string[];
  readonly disabled: boolean;
  readonly onSheet: (kind: TableKind, sheet: string) => void;
  readonly onColumn: (kind: TableKind, field: string, header: string) => void;
  readonly onDetectedColumns: (kind: TableKind) => void;
}

/** One source table: its sheet (pick another), header row, and the column read for each field (pick another). */
export function SourcePicker({ strings, view, sheets, disabled, onSheet, onColumn, onDetectedColumns }: SourcePickerProps) {
  const styles = useStyles();
  // A plain disclosure rather than Fluent's Accordion: the Accordion brings its motion library, some 20 KB gzipped.
  const [columnsOpen, setColumnsOpen] = useState(false);
  const panelId = useId();
  const title = view.kind === "invoices" ? strings.invoices : strings.payments;
  const fieldNames: Readonly<Record<string, string>> = view.kind === "invoices" ? strings.invoiceFields : strings.paymentFields;
  const mapped = view.fields.filter((field) => field.column !== null).length;
  const anyChosen = view.fields.some((field) => field.chosen);
  return (
    <section className={styles.root} aria-label={title} data-source={view.kind}>
      <Body1Strong as="h3" className={styles.heading}>
        {title}
      </Body1Strong>
      <Field label={strings.sheet}>
        <Select
          value={view.sheet ?? ""}
          disabled={disabled || sheets.length === 0}
          onChange={(_, data) => onSheet(view.kind, data.value)}
        >
          {view.sheet === null && <option value="">—</option>}
          {sheets.map((sheet) => (
            <option key={sheet} value={sheet}>
              {sheet}
            </option>
          ))}
        </Select>
      </Field>
      {view.headerRow === null ? (
        <Caption1 className={view.kind === "invoices" ? styles.warning : styles.note}>
          {view.kind === "invoices" ? strings.noInvoiceTable : strings.noPaymentTable}
        </Caption1>
      ) : (
        <>
          <Caption1 className={styles.note}>{strings.headerRow(view.headerRow, mapped)}</Caption1>
          <Button
            appearance="transparent"
            size="small"
            className={styles.disclosure}
            aria-expanded={columnsOpen}
            aria-controls={panelId}
            icon={<span className={mergeClasses(styles.chevron, columnsOpen && styles.chevronOpen)} aria-hidden />}
            onClick={() => setColumnsOpen(!columnsOpen)}
          >
            {strings.columns}
          </Button>
          {columnsOpen && (
            <div id={panelId} className={styles.fields}>
              {view.fields.map((field) => {
                const id = `${panelId}-${field.field}`;
                const name = fieldNames[field.field] ?? field.field;
                return (
                  <Fragment key={field.field}>
                    <Label htmlFor={id} size="small" className={mergeClasses(styles.fieldLabel, field.chosen && styles.chosen)} title={name}>
                      {name}
                      {field.required ? " *" : ""}
                    </Label>
                    <Select
                      id={id}
                      size="small"
                      value={field.column?.header ?? ""}
                      disabled={disabled}
                      aria-description={field.chosen ? strings.changedByYou : field.required ? strings.required : undefined}
                      onChange={(_, data) => onColumn(view.kind, field.field, data.value)}
                    >
                      {field.column === null && <option value="">{strings.notUsed}</option>}
                      {view.columns.map((column) => (
                        <option key={column.letter} value={column.header}>
                          {`${column.letter} · ${column.header}`}
                        </option>
                      ))}
                    </Select>
                  </Fragment>
                );
              })}
              {anyChosen && (
                <Link as="button" className={styles.reset} disabled={disabled} onClick={() => onDetectedColumns(view.kind)}>
                  {strings.useDetectedColumns}
                </Link>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
