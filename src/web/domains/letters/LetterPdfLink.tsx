import { useTranslation } from "react-i18next";
import { letterPdfUrl } from "./api.js";

interface LetterPdfLinkProps {
  letterId: string;
  /** The visible text; "PDF downloaden" when left out. */
  label?: string;
  /** Added for screen readers, so several download links on one page can be told apart. */
  context?: string;
  /** Called when the download starts: printing a letter means it can no longer be undone. */
  onDownload?: () => void;
}

/** Downloads a stored letter as PDF. */
export function LetterPdfLink({ letterId, label, context, onDownload }: LetterPdfLinkProps) {
  const { t } = useTranslation();
  return (
    <a href={letterPdfUrl(letterId)} download className="nl-link nv-nowrap" onClick={onDownload}>
      {label ?? t("letters.download")}
      {context ? <span className="nv-visually-hidden"> ({context})</span> : null}
    </a>
  );
}
