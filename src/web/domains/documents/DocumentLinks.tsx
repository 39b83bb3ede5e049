import { formatFileSize } from "@web/components/format.js";
import { useTranslation } from "react-i18next";
import { type DocumentSummary, documentUrl } from "./api.js";

/** Evidence documents as download links with their size; a dash when there are none. */
export function DocumentLinks({ documents }: { documents: DocumentSummary[] }) {
  const { t, i18n } = useTranslation();
  if (documents.length === 0) return <span className="nv-muted">{t("documents.none")}</span>;
  return (
    <ul className="nv-link-list">
      {documents.map((document) => (
        <li key={document.id}>
          <a href={documentUrl(document.id)} download={document.filename} className="nl-link">
            {document.filename}
          </a>{" "}
          <span className="nv-muted">({formatFileSize(document.sizeBytes, i18n.language)})</span>
        </li>
      ))}
    </ul>
  );
}
