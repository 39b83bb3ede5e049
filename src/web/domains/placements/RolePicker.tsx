import type { RoleOption } from "@shared/schemas/roles.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { formatHours } from "@web/components/format.js";
import { Pagination } from "@web/components/Pagination.js";
import { useDebouncedValue } from "@web/components/useDebouncedValue.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useRoleOptions } from "./api.js";

const DISTANCES = ["", "2", "5", "10", "20"] as const;

interface RolePickerProps {
  clientId: string;
  selected: string | null;
  /** How to show the current choice when it is not on the page shown. */
  selectedLabel: string | null;
  /** `role`: the chosen role's title and organisation, when it is on the page shown. */
  onSelect: (value: string, label: string, role?: { title: string; organisationName: string }) => void;
  error?: string | undefined;
}

/**
 * Choose the role to propose the client for: search by words of the title or the organisation's name, keep to a
 * distance from the client's home, page through the roles nearest first, or open the ranked suggestions instead.
 */
export function RolePicker({ clientId, selected, selectedLabel, onSelect, error }: RolePickerProps) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState("");
  const [distance, setDistance] = useState<(typeof DISTANCES)[number]>("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const words = useDebouncedValue(q.trim(), 300);
  const result = useRoleOptions(clientId, {
    q: words || undefined,
    maxDistanceKm: distance ? Number(distance) : undefined,
    page,
    pageSize,
  });
  const label = (role: RoleOption) =>
    t("propose.roleOptionNear", {
      title: role.title,
      organisation: role.organisationName,
      distance:
        role.distanceKm === null
          ? t("propose.distanceUnknown")
          : t("propose.distanceKm", { km: formatHours(role.distanceKm, i18n.language) }),
      hours: formatHours(role.hoursPerWeek, i18n.language),
      free: Math.max(0, role.places - role.placesTaken),
    });
  const options = (result.data?.items ?? []).map((role) => ({ value: role.id, label: label(role) }));
  const current = selected && !options.some((o) => o.value === selected) ? [{ value: selected, label: selectedLabel ?? selected }] : [];
  const choices = [...current, ...options];
  const total = result.data?.total ?? 0;

  return (
    <div className="nv-picker">
      <div className="nv-picker__filters">
        <TextField
          name="roleId-search"
          type="search"
          label={t("propose.roleSearch")}
          description={t("propose.roleSearchHint")}
          value={q}
          onChange={(value) => {
            setQ(value);
            setPage(1);
          }}
          autoComplete="off"
        />
        <SelectField
          name="roleId-distance"
          label={t("propose.distance")}
          value={distance}
          onChange={(value) => {
            setDistance(value as (typeof DISTANCES)[number]);
            setPage(1);
          }}
          options={DISTANCES.map((km) => ({ value: km, label: km ? t("propose.withinKm", { km }) : t("propose.anyDistance") }))}
        />
      </div>
      <p className="nv-visually-hidden" role="status">
        {result.isFetching ? t("app.loading") : t("picker.results", { count: total })}
      </p>
      <p>
        <Link to={`/clients/${clientId}?tab=suggestions`} className="nl-link">
          {t("propose.openSuggestions")}
        </Link>
      </p>
      {choices.length > 0 ? (
        <ChoiceFieldset
          name="roleId"
          legend={t("propose.role")}
          type="radio"
          choices={choices}
          selected={selected ? [selected] : []}
          error={error}
          onChange={([value]) => {
            const choice = choices.find((c) => c.value === value);
            const role = result.data?.items.find((r) => r.id === value);
            if (choice) onSelect(choice.value, choice.label, role);
          }}
        />
      ) : (
        <p className={error ? "nv-error-text" : "nv-muted"} id="field-roleId" tabIndex={-1}>
          {error ?? t("picker.none")}
        </p>
      )}
      {total > pageSize ? (
        <Pagination
          name="role-options"
          page={page}
          pageSize={pageSize}
          total={total}
          onPageChange={setPage}
          onPageSizeChange={(size) => {
            setPageSize(size);
            setPage(1);
          }}
        />
      ) : null}
    </div>
  );
}
