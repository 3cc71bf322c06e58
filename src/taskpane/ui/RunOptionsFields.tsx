import { Field, Input, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import type { AgingBasis } from "../../engine/aging/bucketLadder";
import type { RunOptionsForm } from "../runOptions";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  radios: {
    // Two short choices side by side fit 350 px; the group wraps when a translation is longer.
    flexWrap: "wrap",
  },
});

export interface RunOptionsFieldsProps {
  readonly strings: PaneStrings;
  readonly form: RunOptionsForm;
  readonly asOfValid: boolean;
  readonly bucketsValid: boolean;
  readonly disabled: boolean;
  readonly onChange: (form: RunOptionsForm) => void;
}

/** As-of date, aging basis and bucket ladder. */
export function RunOptionsFields({ strings, form, asOfValid, bucketsValid, disabled, onChange }: RunOptionsFieldsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={strings.asOf} validationState={asOfValid ? "none" : "error"} validationMessage={asOfValid ? null : strings.asOfInvalid}>
        <Input
          type="date"
         
          value={form.asOf}
          disabled={disabled}
          onChange={(_, data) => onChange({ ...form, asOf: data.value })}
        />
      </Field>
      <Field label={strings.basis}>
        <RadioGroup
          layout="horizontal"
          className={styles.radios}
          value={form.basis}
          disabled={disabled}
          onChange={(_, data) => onChange({ ...form, basis: data.value as AgingBasis })}
        >
          <Radio value="due" label={strings.basisDue} />
          <Radio value="invoice" label={strings.basisInvoice} />
        </RadioGroup>
      </Field>
      <Field
        label={strings.buckets}
       
        hint={bucketsValid ? strings.bucketsHint : null}
        validationState={bucketsValid ? "none" : "error"}
        validationMessage={bucketsValid ? null : strings.bucketsInvalid}
      >
        <Input
         
          value={form.buckets}
          disabled={disabled}
          inputMode="numeric"
          onChange={(_, data) => onChange({ ...form, buckets: data.value })}
        />
      </Field>
    </div>
  );
}
