import type { ClientOutput } from "@shared/schemas/clients.js";
import type { LetterOutput } from "@shared/schemas/letters.js";
import { Alert } from "@web/components/Alert.js";
import { formatDate } from "@web/components/format.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLetters } from "./api.js";
import { DeliveryForm } from "./DeliveryForm.js";
import { LetterPdfLink } from "./LetterPdfLink.js";

const HEADERS = [
  "letters.letterDate",
  "letters.subject",
  "letters.reference",
  "letters.trackingNumber",
  "letters.deliveryStatus",
  "letters.actions",
];

function deliveryButtonId(letterId: string): string {
  return `delivery-${letterId}`;
}

function StatusCell({ letter }: { letter: LetterOutput }) {
  const { t, i18n } = useTranslation();
  // Undone before it left the building: kept for the record, never sent.
  if (letter.withdrawnAt) return <span className="nv-status nv-status--withdrawn">{t("letters.withdrawn")}</span>;
  if (!letter.registered) return <span className="nv-muted">{t("letters.notRegistered")}</span>;
  return (
    <>
      <span className={`nv-status nv-status--${letter.deliveryStatus}`}>{t(`deliveryStatus.${letter.deliveryStatus}`)}</span>
      {letter.deliveryDate || letter.deliveryUpdatedAt ? (
        <span className="nv-cell-note">{formatDate(letter.deliveryDate ?? letter.deliveryUpdatedAt, i18n.language)}</span>
      ) : null}
    </>
  );
}

/** A client's letters: download each PDF; for registered mail, record the tracking number and delivery. */
export function LettersTab({ client }: { client: ClientOutput }) {
  const { t, i18n } = useTranslation();
  const letters = useLetters(client.id);
  const [editing, setEditing] = useState<LetterOutput | null>(null);
  const [saved, setSaved] = useState(false);
  const mayRecord = client.abilities.recordLetterDelivery;
  const items = letters.data?.items ?? [];

  function done(letter: LetterOutput, wasSaved: boolean) {
    setEditing(null);
    setSaved(wasSaved);
    // Back to the button that opened the form, so keyboard users continue where they were.
    setTimeout(() => document.getElementById(deliveryButtonId(letter.id))?.focus(), 0);
  }

  return (
    <section aria-labelledby="letters-title" className="nv-tab-panel">
      <Heading level={2} id="letters-title">
        {t("letters.title")}
      </Heading>
      <Paragraph>{t("letters.intro")}</Paragraph>
      {saved ? (
        <Alert type="ok" role="status">
          {t("letters.deliverySaved")}
        </Alert>
      ) : null}
      <ProblemAlert error={letters.error} />
      {letters.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {letters.data && items.length === 0 ? <Paragraph>{t("letters.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollTable id="letters" caption={t("letters.caption", { count: items.length })} headers={HEADERS.map((key) => t(key))}>
          {items.map((letter) => (
            <tr key={letter.id} className="utrecht-table__row">
              <td className="utrecht-table__cell nv-nowrap">{formatDate(letter.letterDate, i18n.language)}</td>
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                {letter.subject}
              </th>
              <td className="utrecht-table__cell">
                <code className="nv-nowrap">{letter.reference}</code>
              </td>
              <td className="utrecht-table__cell">
                {letter.trackingNumber ? <code>{letter.trackingNumber}</code> : <span className="nv-muted">–</span>}
              </td>
              <td className="utrecht-table__cell">
                <StatusCell letter={letter} />
              </td>
              <td className="utrecht-table__cell">
                <div className="nv-cell-actions">
                  <LetterPdfLink letterId={letter.id} context={letter.reference} />
                  {mayRecord && letter.registered && !letter.withdrawnAt ? (
                    <SecondaryActionButton
                      type="button"
                      id={deliveryButtonId(letter.id)}
                      aria-expanded={editing?.id === letter.id}
                      onClick={() => {
                        setSaved(false);
                        setEditing(letter);
                      }}
                    >
                      {t("letters.recordDelivery")}
                      <span className="nv-visually-hidden"> ({letter.reference})</span>
                    </SecondaryActionButton>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      {editing ? <DeliveryForm key={editing.id} letter={editing} onDone={(wasSaved) => done(editing, wasSaved)} /> : null}
    </section>
  );
}
