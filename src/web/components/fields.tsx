import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { FormField, FormFieldErrorMessage, FormLabel, Textbox } from "./nlds.js";

/** The DOM id of a form control, so error summaries and tests can point at it. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  type?: "checkbox";
  children: ReactNode;
}

function FieldFrame({ id, label, description, error, type, children }: FieldFrameProps) {
  return (
    <FormField
      type={type}
      invalid={Boolean(error)}
      label={
        <FormLabel htmlFor={id} type={type}>
          {label}
        </FormLabel>
      }
      description={
        description ? (
          <div id={`${id}-description`} className="nv-field-description">
            {description}
          </div>
        ) : undefined
      }
      errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={children}
    />
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "value" | "onChange"> {
  name: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string;
}

/** A labelled text input with its description and error message wired up through aria-describedby. */
export function TextField({ name, label, value, onChange, description, error, className, ...rest }: TextFieldProps) {
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <Textbox
        {...rest}
        id={id}
        name={name}
        value={value}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, description, error)}
        className={className}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "value" | "onChange"> {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  description?: ReactNode;
  error?: string;
}

/** A labelled native select in the Utrecht style. */
export function SelectField({ name, label, value, onChange, options, description, error, ...rest }: SelectFieldProps) {
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <select
        {...rest}
        id={id}
        name={name}
        value={value}
        className={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: ReactNode;
}

/** A single labelled checkbox. */
export function CheckboxField({ name, label, checked, onChange, description }: CheckboxFieldProps) {
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} description={description} type="checkbox">
      <input
        type="checkbox"
        id={id}
        name={name}
        className="nv-checkbox__input"
        checked={checked}
        aria-describedby={describedBy(id, description, undefined)}
        onChange={(event) => onChange(event.target.checked)}
      />
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "value" | "onChange"> {
  name: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string;
}

/** A labelled multi-line text input, styled as an Utrecht textbox. */
export function TextAreaField({ name, label, value, onChange, description, error, rows = 4, ...rest }: TextAreaFieldProps) {
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <textarea
        {...rest}
        id={id}
        name={name}
        rows={rows}
        value={value}
        className={`utrecht-textbox utrecht-textbox--html-input nv-textarea${error ? " utrecht-textbox--invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

interface FileFieldProps {
  name: string;
  label: ReactNode;
  /** File types the picker offers first, e.g. `.pdf,.png,.jpg`; the server checks the content again. */
  accept?: string;
  onChange: (file: File | null) => void;
  description?: ReactNode;
  error?: string;
}

/** A labelled file picker for one file, with its description and error wired up like the other fields. */
export function FileField({ name, label, accept, onChange, description, error }: FileFieldProps) {
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <input
        type="file"
        id={id}
        name={name}
        accept={accept}
        className={`nv-file-input${error ? " nv-file-input--invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </FieldFrame>
  );
}
