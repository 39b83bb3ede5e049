import { SelectField } from "@web/components/fields.js";
import { formatAppointmentTime, formatDate } from "@web/components/format.js";
import { useTranslation } from "react-i18next";
import { useAppointments } from "../appointments/api.js";
import { useLetters } from "../letters/api.js";
import { usePlacements } from "../placements/api.js";
import type { ProposalValues } from "./sanctionFormModel.js";

interface FactsPickersProps {
  clientId: string;
  values: ProposalValues;
  onChange: (changes: Partial<ProposalValues>) => void;
  errors: Record<string, string>;
}

/** True once every list the pickers offer has loaded, so the form shows its real choices. */
export function useFactsLoaded(clientId: string): boolean {
  const appointments = useAppointments(clientId);
  const placements = usePlacements({ clientId, status: "ended", pageSize: 100 });
  const letters = useLetters(clientId);
  return !appointments.isPending && !placements.isPending && !letters.isPending;
}

/**
 * The facts a proposal links to: the missed appointment (missed appointments), the ended placement (stopping
 * without a reason) and, for any ground, the letter the client had. Only what the client's file holds is offered.
 */
export function FactsPickers({ clientId, values, onChange, errors }: FactsPickersProps) {
  const { t, i18n } = useTranslation();
  const appointments = useAppointments(clientId);
  const placements = usePlacements({ clientId, status: "ended", pageSize: 100 });
  const letters = useLetters(clientId);
  const choose = { value: "", label: t("roleForm.choose") };
  const missed = (appointments.data?.items ?? []).filter((appointment) => appointment.status === "missed");
  const ended = placements.data?.items ?? [];

  return (
    <>
      {values.ground === "missedAppointments" ? (
        <SelectField
          name="appointmentId"
          label={t("sanctionProposal.appointment")}
          description={
            missed.length === 0 && appointments.data ? t("sanctionProposal.noMissedAppointments") : t("sanctionProposal.appointmentHint")
          }
          value={values.appointmentId}
          onChange={(appointmentId) => onChange({ appointmentId })}
          options={[
            choose,
            ...missed.map((appointment) => ({
              value: appointment.id,
              label: `${t(`appointmentKind.${appointment.kind}`)}, ${formatAppointmentTime(appointment.startsAt, i18n.language)}`,
            })),
          ]}
          error={errors.appointmentId}
        />
      ) : null}
      {values.ground === "stoppedPlacementWithoutReason" ? (
        <SelectField
          name="placementId"
          label={t("sanctionProposal.placement")}
          description={
            ended.length === 0 && placements.data ? t("sanctionProposal.noEndedPlacements") : t("sanctionProposal.placementHint")
          }
          value={values.placementId}
          onChange={(placementId) => onChange({ placementId })}
          options={[
            choose,
            ...ended.map((placement) => ({
              value: placement.id,
              label: t("sanctionProposal.placementOption", {
                role: placement.roleTitle,
                organisation: placement.organisationName,
                date: formatDate(placement.endedOn, i18n.language),
                attribution: placement.attributableTo ? t(`attribution.${placement.attributableTo}`) : "–",
              }),
            })),
          ]}
          error={errors.placementId}
        />
      ) : null}
      <SelectField
        name="letterId"
        label={t("form.optional", { label: t("sanctionProposal.letter") })}
        description={t("sanctionProposal.letterHint")}
        value={values.letterId}
        onChange={(letterId) => onChange({ letterId })}
        options={[
          { value: "", label: t("sanctionProposal.noLetter") },
          ...(letters.data?.items ?? []).map((letter) => ({
            value: letter.id,
            label: t("sanctionProposal.letterOption", {
              subject: letter.subject,
              date: formatDate(letter.letterDate, i18n.language),
              status: letter.registered ? t(`deliveryStatus.${letter.deliveryStatus}`) : t("letters.notRegistered"),
            }),
          })),
        ]}
        error={errors.letterId}
      />
    </>
  );
}
