import { todayInAmsterdam } from "@shared/dates.js";
import { ACCOUNT_CHANNELS, ATTRIBUTIONS, type PlacementOutput, placementAttributionInput } from "@shared/schemas/placements.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePlacementAction } from "./api.js";
import { ClientSideFacts } from "./ClientVoiceFacts.js";
import {
  ATTRIBUTION_FIELDS,
  type AttributionValues,
  attributionValuesFor,
  isDecisionOnClient,
  toAttributionInput,
} from "./placementEndingModel.js";

/**
 * The consultant hears the client about an ended placement and determines to whom the ending is attributable, with
 * reasons. Attributed to the client it is a decision with a letter; any other attribution is never a ground for a sanction.
 */
export function AttributionForm({ placement, onSaved }: { placement: PlacementOutput; onSaved: () => void }) {
  const { t } = useTranslation();
  const action = usePlacementAction(placement.id);
  const [values, setValues] = useState<AttributionValues>(() => attributionValuesFor(todayInAmsterdam(), placement.clientSide));
  const change = (changes: Partial<AttributionValues>) => setValues((current) => ({ ...current, ...changes }));
  // The end form on the same page may also have an `attributableTo`; this one is the determination.
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", {
      name: placement.clientGivenName,
      what: t("sendLetter.what.attribution", { role: placement.roleTitle }),
    }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? action.error, t, ATTRIBUTION_FIELDS, { attributableTo: "attribution" }),
    [confirmation.invalid, action.error, t],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = toAttributionInput(values);
    const save = () => action.mutate({ kind: "attribution", input }, { onSuccess: onSaved });
    // Attributed to the client, it is a decision with a letter: asked first. Any other attribution sends none.
    if (values.attributableTo === "client")
      confirmation.ask(save, { form: event.currentTarget, schema: placementAttributionInput, body: input });
    else save();
  }

  return (
    <section className="nv-panel" aria-labelledby="attribution-title">
      <Heading level={2} id="attribution-title" className="nv-panel__title">
        {t("placementAttribution.title")}
      </Heading>
      <Paragraph>{t("placementAttribution.intro", { name: placement.clientGivenName })}</Paragraph>
      <Alert type="info">
        <Paragraph>{t("placementAttribution.decisionOnClient")}</Paragraph>
        <Paragraph>{t("placementAttribution.neverGround")}</Paragraph>
      </Alert>
      <FormProblems errors={errors} />
      <form onSubmit={submit} noValidate className="nv-form">
        <Heading level={3}>{t("placementAttribution.clientSide")}</Heading>
        <ClientSideFacts placement={placement} />
        {placement.clientSide ? <Paragraph>{t("clientVoice.prefilled")}</Paragraph> : null}
        <TextAreaField
          name="clientAccount"
          label={t("placementAttribution.clientAccount")}
          description={t("placementAttribution.clientAccountHint")}
          value={values.clientAccount}
          onChange={(clientAccount) => change({ clientAccount })}
          error={errors.byField.clientAccount}
          rows={4}
        />
        <ChoiceFieldset
          name="channel"
          legend={t("placementAttribution.channel")}
          type="radio"
          layout="inline"
          choices={ACCOUNT_CHANNELS.map((value) => ({ value, label: t(`hearingChannel.${value}`) }))}
          selected={values.channel ? [values.channel] : []}
          onChange={([channel]) => change({ channel: channel ?? "" })}
          error={errors.byField.channel}
        />
        <TextField
          name="heardOn"
          type="date"
          label={t("placementAttribution.heardOn")}
          value={values.heardOn}
          onChange={(heardOn) => change({ heardOn })}
          error={errors.byField.heardOn}
        />
        <Heading level={3}>{t("placementAttribution.determination")}</Heading>
        <ChoiceFieldset
          name="attribution"
          legend={t("placementAttribution.attributableTo")}
          type="radio"
          choices={ATTRIBUTIONS.map((value) => ({
            value,
            label: t(`attribution.${value}`),
            hint: t(`placementAttribution.hint.${value}`),
          }))}
          selected={values.attributableTo ? [values.attributableTo] : []}
          onChange={([attributableTo]) => change({ attributableTo: attributableTo ?? "" })}
          error={errors.byField.attribution}
        />
        <TextAreaField
          name="reasons"
          label={t("placementAttribution.reasons")}
          description={t("placementAttribution.reasonsHint")}
          value={values.reasons}
          onChange={(reasons) => change({ reasons })}
          error={errors.byField.reasons}
          rows={4}
        />
        {isDecisionOnClient(values.attributableTo) ? (
          <Alert type="warning">{t("placementAttribution.clientChosen", { name: placement.clientGivenName })}</Alert>
        ) : null}
        <FormActions submitLabel={t("placementAttribution.submit")} busy={action.isPending} />
      </form>
      {confirmation.dialog}
    </section>
  );
}
