import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { fieldId } from "@web/components/fields.js";
import { Button, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf, withFieldNames } from "@web/components/problems.js";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AvailabilityBlockFields } from "./AvailabilityBlockFields.js";
import { type Availability, useAvailability, useSaveAvailability } from "./api.js";
import {
  type BlockValues,
  blockFieldName,
  blockFieldNames,
  blockValues,
  newBlock,
  slotsPerWeek,
  toAvailabilityInput,
} from "./availabilityModel.js";

function AvailabilityForm({ initial }: { initial: Availability }) {
  const { t } = useTranslation();
  const save = useSaveAvailability();
  const [blocks, setBlocks] = useState<BlockValues[]>(() => initial.blocks.map(blockValues));
  // Where focus goes after adding or removing a block, so keyboard users keep their place.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const errors = useMemo(
    () =>
      withFieldNames(formErrorsOf(save.error, t, blockFieldNames(blocks.length)), (field) => {
        const [, index, name] = field.split(".");
        return index === undefined
          ? undefined
          : `${t("availability.block", { number: Number(index) + 1 })}, ${t(`availability.${name}`).toLowerCase()}`;
      }),
    [save.error, t, blocks.length],
  );
  const total = blocks.reduce((sum, block) => sum + slotsPerWeek(block), 0);

  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget === "add") addButton.current?.focus();
    else document.getElementById(fieldId(focusTarget))?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function change(index: number, changes: Partial<BlockValues>) {
    save.reset();
    setBlocks((current) => current.map((block, i) => (i === index ? { ...block, ...changes } : block)));
  }

  function add() {
    save.reset();
    setBlocks((current) => [...current, newBlock(current.at(-1))]);
    setFocusTarget(blockFieldName(blocks.length, "weekday"));
  }

  function remove(index: number) {
    save.reset();
    setBlocks((current) => current.filter((_, i) => i !== index));
    setFocusTarget("add");
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(toAvailabilityInput(blocks));
  }

  return (
    <>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          {t("availability.saved")}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        {blocks.length === 0 ? <Paragraph>{t("availability.empty")}</Paragraph> : null}
        {blocks.map((block, index) => (
          <AvailabilityBlockFields
            key={block.key}
            index={index}
            block={block}
            errors={errors.byField}
            onChange={(changes) => change(index, changes)}
            onRemove={() => remove(index)}
          />
        ))}
        <div>
          <Button appearance="secondary-action-button" type="button" ref={addButton} onClick={add}>
            {t("availability.add")}
          </Button>
        </div>
        <p className="nv-summary-line" aria-live="polite">
          {t("availability.total", { count: total })}
        </p>
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={save.isPending}>
            {t("availability.save")}
          </PrimaryActionButton>
        </div>
      </form>
    </>
  );
}

/** The consultant's weekly pattern of intake times, from which invitations take the next free slot. */
export function AvailabilityPage() {
  const { t } = useTranslation();
  const availability = useAvailability();
  return (
    <>
      <PageHeading>{t("availability.title")}</PageHeading>
      <Paragraph>{t("availability.intro")}</Paragraph>
      {availability.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={availability.error} />
      {availability.data ? <AvailabilityForm initial={availability.data} /> : null}
    </>
  );
}
