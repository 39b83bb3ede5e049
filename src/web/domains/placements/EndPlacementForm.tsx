import { ATTRIBUTIONS, END_REASONS } from "@shared/schemas/placements.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { SelectField, TextAreaField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePlacementAction } from "./api.js";
import { END_FIELDS, type EndValues, emptyEndValues, toEndInput } from "./placementEndingModel.js";

/**
 * Reports that a placement ended: why, and what happened. A host may add its view of whose doing it was but never
 * decides it; staff's view settles an ending that is not the client's doing, the client's only after a hearing.
 */
export function EndPlacementForm({ placementId, staff, onEnded }: { placementId: string; staff: boolean; onEnded: () => void }) {
  const { t } = useTranslation();
  const action = usePlacementAction(placementId);
  const [values, setValues] = useState<EndValues>(emptyEndValues);
  const change = (changes: Partial<EndValues>) => setValues((current) => ({ ...current, ...changes }));
  // The notes form on the same page owns `note` and `attributableTo` is the consultant's: this form's boxes are its own.
  const errors = useMemo(
    () => formErrorsOf(action.error, t, END_FIELDS, { note: "endNote", attributableTo: "endView" }),
    [action.error, t],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    action.mutate({ kind: "end", input: toEndInput(values) }, { onSuccess: onEnded });
  }

  return (
    <section className="nv-panel" aria-labelledby="end-title">
      <Heading level={2} id="end-title" className="nv-panel__title">
        {t("endPlacement.title")}
      </Heading>
      <Paragraph>{t("endPlacement.intro")}</Paragraph>
      <FormProblems errors={errors} />
      <form onSubmit={submit} noValidate className="nv-form">
        <SelectField
          name="reason"
          label={t("endPlacement.reason")}
          value={values.reason}
          onChange={(reason) => change({ reason })}
          options={[{ value: "", label: t("roleForm.choose") }, ...END_REASONS.map((value) => ({ value, label: t(`endReason.${value}`) }))]}
          error={errors.byField.reason}
        />
        <TextAreaField
          name="endNote"
          label={t("endPlacement.note")}
          description={t("endPlacement.noteHint")}
          value={values.note}
          onChange={(note) => change({ note })}
          error={errors.byField.endNote}
          rows={4}
        />
        <SelectField
          name="endView"
          label={t("form.optional", { label: t("endPlacement.view") })}
          description={t(staff ? "endPlacement.viewHintStaff" : "endPlacement.viewHint")}
          value={values.attributableTo}
          onChange={(attributableTo) => change({ attributableTo })}
          options={[
            { value: "", label: t("endPlacement.noView") },
            ...ATTRIBUTIONS.map((value) => ({ value, label: t(`attribution.${value}`) })),
          ]}
          error={errors.byField.endView}
        />
        <FormActions submitLabel={t("endPlacement.submit")} busy={action.isPending} />
      </form>
    </section>
  );
}
