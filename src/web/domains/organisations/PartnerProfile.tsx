import { type OrganisationOutput, TRAINING_OFFERED_MAX_LENGTH } from "@shared/schemas/organisations.js";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import { Alert } from "@web/components/Alert.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextAreaField } from "@web/components/fields.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOrganisation } from "./api.js";

/** Saves the organisation's own partner profile and puts the answer in place of the organisation everywhere. */
function useSavePartnerProfile(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trainingOffered: string | null) =>
      api<OrganisationOutput>(`/organisations/${organisationId}/partner-profile`, { method: "PATCH", body: { trainingOffered } }),
    onSuccess: (organisation) => {
      queryClient.setQueryData(["organisations", "one", organisationId], organisation);
      void queryClient.invalidateQueries({ queryKey: ["organisations", "list"] });
    },
  });
}

/** The text field for the training and support offered, opened from the section and closed on save or cancel. */
function PartnerProfileForm({ organisation, onDone }: { organisation: OrganisationOutput; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const save = useSavePartnerProfile(organisation.id);
  const [text, setText] = useState(organisation.trainingOffered ?? "");
  const errors = useMemo(() => formErrorsOf(save.error, t, ["trainingOffered"]), [save.error, t]);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(text.trim() === "" ? null : text, { onSuccess: () => onDone(true) });
  }
  return (
    <form className="nv-form" onSubmit={submit} noValidate aria-labelledby="partner-profile-title">
      <FormProblems errors={errors} />
      <TextAreaField
        name="trainingOffered"
        label={t("hostProfile.label")}
        description={t("hostProfile.hint", { max: TRAINING_OFFERED_MAX_LENGTH })}
        value={text}
        onChange={setText}
        rows={6}
        maxLength={TRAINING_OFFERED_MAX_LENGTH + 100}
        error={errors.byField.trainingOffered}
      />
      <FormActions submitLabel={t("hostProfile.save")} busy={save.isPending} onCancel={() => onDone(false)} />
    </form>
  );
}

/**
 * For the host: what the organisation offers its volunteers (courses, training, support), as the municipality reads
 * it on the organisation's page, and changing it when the server allows.
 */
export function PartnerProfile({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const organisation = useOrganisation(organisationId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const data = organisation.data;
  return (
    <section className="nv-section" aria-labelledby="partner-profile-title">
      <Heading level={2} id="partner-profile-title">
        {t("hostProfile.title")}
      </Heading>
      <Paragraph>{t("hostProfile.intro")}</Paragraph>
      <ProblemAlert error={organisation.error} />
      {saved ? (
        <Alert type="ok" role="status">
          {t("hostProfile.saved")}
        </Alert>
      ) : null}
      {data && !editing ? (
        <>
          <Paragraph className="nv-prewrap">{data.trainingOffered ?? t("hostProfile.none")}</Paragraph>
          {data.abilities.editPartnerProfile ? (
            <Paragraph>
              <SecondaryActionButton
                type="button"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t("hostProfile.edit")}
              </SecondaryActionButton>
            </Paragraph>
          ) : null}
        </>
      ) : null}
      {data && editing ? (
        <PartnerProfileForm
          organisation={data}
          onDone={(done) => {
            setSaved(done);
            setEditing(false);
          }}
        />
      ) : null}
    </section>
  );
}
