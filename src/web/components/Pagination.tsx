import { useTranslation } from "react-i18next";
import { fieldId } from "./fields.js";
import { SecondaryActionButton } from "./nlds.js";

export const PAGE_SIZES = [25, 50, 100, 200] as const;

interface PaginationProps {
  /** Distinguishes several paginations' control ids on one page. */
  name: string;
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
}

/** Previous/next paging with the total count and a rows-per-page choice. */
export function Pagination({ name, page, pageSize, total, onPageChange, onPageSizeChange }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const sizeId = fieldId(`${name}-page-size`);

  return (
    <nav className="nv-pagination" aria-label={t("pagination.label")}>
      <p className="nv-pagination__status">{t("pagination.status", { from, to, total, page, pages })}</p>
      <div className="nv-pagination__controls">
        <SecondaryActionButton type="button" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          {t("pagination.previous")}
        </SecondaryActionButton>
        <SecondaryActionButton type="button" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
          {t("pagination.next")}
        </SecondaryActionButton>
        <label htmlFor={sizeId} className="utrecht-form-label nv-pagination__size-label">
          {t("pagination.pageSize")}
        </label>
        <select
          id={sizeId}
          className="utrecht-select utrecht-select--html-select nv-pagination__size"
          value={pageSize}
          onChange={(event) => onPageSizeChange(Number(event.target.value))}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}
