import { ATTRIBUTIONS, END_REASONS } from "@shared/schemas/placements.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextAreaField } from "@web/components/fields.js";
import { toOptionalText } from "@web/components/formValues.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PlacementEndInput, usePlacementAction } from "./api.js";

const FIELDS = ["reason", "attributableTo", "note"] as const;

/** Reports that a placement ended: why, and to whom the ending is attributable (a dropout counts differently). */
export function EndPlacementForm({ placementId, onEnded }: { placementId: string; onEnded: () => void }) {
  const { t } = useTranslation();
  const action = usePlacementAction(placementId);
  const [reason, setReason] = useState("");
  const [attributableTo, setAttributableTo] = useState("");
  const [note, setNote] = useState("");
  const errors = useMemo(() => {
    // The notes form on the same page owns `note`; this form's note box is `endNote`.
    const result = formErrorsOf(action.error, t, FIELDS);
    return { ...result, list: result.list.map((error) => (error.name === "note" ? { ...error, name: "endNote" } : error)) };
  }, [action.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { reason: reason || undefined, attributableTo: attributableTo || undefined, note: toOptionalText(note) ?? undefined };
    action.mutate({ kind: "end", input: input as PlacementEndInput }, { onSuccess: onEnded });
  }

  return (
    <section className="nv-panel" aria-labelledby="end-title">
      <Heading level={2} id="end-title" className="nv-panel__title">
        {t("endPlacement.title")}
      </Heading>
      <Paragraph>{t("endPlacement.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <SelectField
          name="reason"
          label={t("endPlacement.reason")}
          value={reason}
          onChange={setReason}
          options={[{ value: "", label: t("roleForm.choose") }, ...END_REASONS.map((value) => ({ value, label: t(`endReason.${value}`) }))]}
          error={errors.byField.reason}
        />
        <SelectField
          name="attributableTo"
          label={t("endPlacement.attributableTo")}
          description={t("endPlacement.attributableToHint")}
          value={attributableTo}
          onChange={setAttributableTo}
          options={[
            { value: "", label: t("roleForm.choose") },
            ...ATTRIBUTIONS.map((value) => ({ value, label: t(`attribution.${value}`) })),
          ]}
          error={errors.byField.attributableTo}
        />
        <TextAreaField
          name="endNote"
          label={t("form.optional", { label: t("endPlacement.note") })}
          value={note}
          onChange={setNote}
          error={errors.byField.note}
          rows={3}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={action.isPending}>
            {t("endPlacement.submit")}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
