import type { ReactNode } from "react";
import { fieldId } from "./fields.js";
import { FormFieldErrorMessage } from "./nlds.js";

interface Choice {
  value: string;
  label: string;
  /** A second line under the label, e.g. what a score means. */
  hint?: string;
}

interface ChoiceFieldsetProps {
  name: string;
  legend: string;
  type: "checkbox" | "radio";
  choices: Choice[];
  selected: string[];
  onChange: (selected: string[]) => void;
  description?: ReactNode;
  error?: string;
  /** Shown after the legend's text, e.g. a "sensitive" badge. */
  legendExtra?: ReactNode;
  /** stack: one under the other; inline: one row; columns: a grid; scale: a row of numbered choices. */
  layout?: "stack" | "inline" | "columns" | "scale";
}

const LAYOUT_CLASS = {
  stack: "nv-choices",
  inline: "nv-choices nv-choices--inline",
  columns: "nv-choices nv-choices--columns",
  scale: "nv-choices nv-choices--scale",
} as const;

/** A group of checkboxes (several choices) or radio buttons (one choice) under one legend. */
export function ChoiceFieldset(props: ChoiceFieldsetProps) {
  const { name, legend, type, choices, selected, onChange, description, error, legendExtra } = props;
  const layout = props.layout ?? (type === "checkbox" ? "columns" : "stack");
  const base = fieldId(name);
  const described = [description ? `${base}-description` : null, error ? `${base}-error` : null].filter(Boolean).join(" ");

  function toggle(value: string, checked: boolean) {
    if (type === "radio") return onChange([value]);
    onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  }

  return (
    <fieldset
      className={`nv-fieldset utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}
      aria-describedby={described || undefined}
    >
      <legend className="nv-fieldset__legend">
        {legend}
        {legendExtra}
      </legend>
      {description ? (
        <div id={`${base}-description`} className="nv-field-description">
          {description}
        </div>
      ) : null}
      {error ? <FormFieldErrorMessage id={`${base}-error`}>{error}</FormFieldErrorMessage> : null}
      <div className={LAYOUT_CLASS[layout]}>
        {choices.map((choice, index) => {
          // The first control carries the field id, so an error summary link lands in the group.
          const id = index === 0 ? base : `${base}-${index}`;
          return (
            <div className="nv-checkbox" key={choice.value}>
              <input
                type={type}
                id={id}
                name={name}
                value={choice.value}
                className="nv-checkbox__input"
                checked={selected.includes(choice.value)}
                onChange={(event) => toggle(choice.value, event.target.checked)}
              />
              <label htmlFor={id} className="utrecht-form-label">
                {choice.label}
                {/* The space keeps number and meaning apart in the accessible name: "3 beperkt zelfredzaam". */}
                {choice.hint ? <span className="nv-choice-hint"> {choice.hint}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
