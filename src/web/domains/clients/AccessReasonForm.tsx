import { ADMIN_ACCESS_REASONS, type AdminAccessReason } from "@shared/schemas/clients.js";
import { useQueryClient } from "@tanstack/react-query";
import { giveAccessReason } from "@web/api/access-reasons.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField } from "@web/components/fields.js";
import { Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Before an administrator sees a client's record: which task needs it (the server records it with the read). */
export function AccessReasonForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<AdminAccessReason | "">("");
  const [error, setError] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) {
      setError(t("fieldErrors.required"));
      return;
    }
    giveAccessReason(clientId, reason);
    // Every part of the record asks the same reason: whatever of it was refused without one is read again.
    void queryClient.invalidateQueries();
  }

  return (
    <>
      <PageHeading>{t("accessReason.title")}</PageHeading>
      <Paragraph>{t("accessReason.intro")}</Paragraph>
      <ErrorSummary errors={error ? [{ name: "accessReason", message: error }] : []} />
      <form onSubmit={submit} noValidate className="nv-form">
        <SelectField
          name="accessReason"
          label={t("accessReason.field")}
          value={reason}
          onChange={(value) => setReason(value as AdminAccessReason | "")}
          error={error || undefined}
          required
          options={[
            { value: "", label: t("accessReason.choose") },
            ...ADMIN_ACCESS_REASONS.map((code) => ({ value: code, label: t(`accessReason.reasons.${code}`) })),
          ]}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit">{t("accessReason.submit")}</PrimaryActionButton>
          <Link to="/audit-log" className="nl-link">
            {t("accessReason.back")}
          </Link>
        </div>
      </form>
    </>
  );
}
