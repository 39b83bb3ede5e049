import { AGREEMENT_PARTIES, type AgreementParty, agreementSignatureInput, type PlacementOutput } from "@shared/schemas/placements.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextField } from "@web/components/fields.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSignAgreement } from "./api.js";

type Agreement = PlacementOutput["agreements"][number];

const ABILITY: Record<AgreementParty, keyof Agreement["abilities"]> = {
  client: "signAsClient",
  host: "signAsHost",
  municipality: "signAsMunicipality",
};

/**
 * The three signatures under one agreement version — the client's, the host's and the municipality's — each with
 * its date or "not signed yet", and a signing form for each party the caller may sign for (from the abilities).
 */
export function AgreementSignatures({
  placementId,
  agreement,
  clientName,
  roleTitle,
}: {
  placementId: string;
  agreement: Agreement;
  clientName: string;
  roleTitle: string;
}) {
  const { t, i18n } = useTranslation();
  const sign = useSignAgreement(placementId);
  const [signing, setSigning] = useState<AgreementParty | null>(null);
  const [signedOn, setSignedOn] = useState("");
  const titleId = `signatures-${agreement.version}`;
  const maySign = AGREEMENT_PARTIES.filter((party) => agreement.abilities[ABILITY[party]]);
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.agreementDecision", { role: roleTitle }) }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = formErrorsOf(confirmation.invalid ?? sign.error, t, ["signedOn"]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!signing) return;
    const party = signing;
    const input = { party, ...(signedOn ? { signedOn } : {}) };
    const save = () =>
      sign.mutate(input, {
        onSuccess: () => {
          setSigning(null);
          setSignedOn("");
        },
      });
    // The municipality's signature is the decision, with its letter to the client: asked first.
    if (party === "municipality") confirmation.ask(save, { form: event.currentTarget, schema: agreementSignatureInput, body: input });
    else save();
  }

  return (
    <div className="nv-signatures">
      <Heading level={4} id={titleId} className="nv-version__title">
        {t("agreement.signatures.title")}
      </Heading>
      <ul aria-labelledby={titleId} className="nv-list">
        {AGREEMENT_PARTIES.map((party) => {
          const signature = agreement.signatures[party];
          return (
            <li key={party}>
              <strong>{t(`agreement.signatures.party.${party}`)}</strong>
              {": "}
              {signature
                ? signature.signedBy
                  ? t("agreement.signatures.signedBy", {
                      date: formatLongDate(signature.signedOn, i18n.language),
                      name: signature.signedBy,
                    })
                  : t("agreement.signatures.signed", { date: formatLongDate(signature.signedOn, i18n.language) })
                : t("agreement.signatures.notSigned")}
            </li>
          );
        })}
      </ul>
      {signing ? (
        <form onSubmit={submit} noValidate className="nv-form" aria-label={t(`agreement.signatures.signAs.${signing}`)}>
          <FormProblems errors={errors} />
          {signing === "municipality" ? <Paragraph>{t("agreement.signatures.municipalityIsDecision")}</Paragraph> : null}
          <TextField
            name="signedOn"
            type="date"
            label={t("agreement.signatures.signedOn")}
            description={t("agreement.signatures.signedOnHint")}
            value={signedOn}
            onChange={setSignedOn}
            error={errors.byField.signedOn}
          />
          <Paragraph>
            <SecondaryActionButton type="submit" disabled={sign.isPending} aria-busy={sign.isPending}>
              {t(`agreement.signatures.signAs.${signing}`)}
            </SecondaryActionButton>{" "}
            <SecondaryActionButton type="button" onClick={() => setSigning(null)}>
              {t("agreement.signatures.cancel")}
            </SecondaryActionButton>
          </Paragraph>
        </form>
      ) : maySign.length > 0 ? (
        <Paragraph>
          {maySign.map((party) => (
            <SecondaryActionButton key={party} type="button" onClick={() => setSigning(party)}>
              {t(`agreement.signatures.signAs.${party}`)}
            </SecondaryActionButton>
          ))}
        </Paragraph>
      ) : null}
      {confirmation.dialog}
    </div>
  );
}
