// src/taskpane/ui: the pane's presentational components; behaviour comes in through props (see ../hooks.ts).
export { SourcePicker, type SourcePickerProps } from "./SourcePicker";
export { RunOptionsFields, type RunOptionsFieldsProps } from "./RunOptionsFields";
export { RunProgress, type RunProgressProps } from "./RunProgress";
export { RunResult, LISTED_PROBLEMS, type RunResultProps } from "./RunResult";
export { RunMessage, type RunMessageProps } from "./RunMessage";
