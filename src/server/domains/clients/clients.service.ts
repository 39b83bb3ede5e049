import type { RequestContext } from "@server/auth/actor.js";
import { type CaseworkCache, pageKey } from "@server/casework-cache.js";
import { nowIso } from "@server/clock.js";
import { isUniqueViolation } from "@server/db/errors.js";
import { jsonStringList, parseJsonColumn } from "@server/db/json.js";
import type { ClientRow, ClientsTable, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { AppError, invalidField, requireFound } from "@server/http/errors.js";
import { districtForPostcode } from "@shared/districts.js";
import type { ClientCreateInput, ClientSearch, ClientUpdateInput } from "@shared/schemas/clients.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { capacityOf } from "../plans/capacity.js";
import { mayUndoBenefitEnd } from "../registry/benefit-end.undo.js";
import { listStatePensionAges } from "../registry/pension-ages.repo.js";
import type { RegistryFacts } from "./clients.presenter.js";
import * as repo from "./clients.repo.js";
import { assertBsnFree, assertWithinRegistryAge } from "./clients.rules.js";

/**
 * A write that failed on a BSN another client holds: the refusal `assertBsnFree` gives, and for a holder outside
 * the caller's scope an audit record of the attempt (after the write's rollback, so that it stays). A write that lost
 * a race to the unique index is judged the same way, from the holder found now. Other errors pass unchanged.
 */
async function refusalForTakenBsn(
  db: Kysely<Database>,
  ctx: RequestContext,
  error: unknown,
  bsn: string | undefined,
  ownId?: string,
): Promise<unknown> {
  const raced = isUniqueViolation(error);
  const refused = error instanceof AppError && (error.code === "duplicateBsn" || error.code === "bsnNeedsReview");
  if (!bsn || !(raced || refused)) return error;
  const holder = await repo.bsnHolder(db, ctx.actor, bsn, ownId);
  if (!holder) return error;
  if (!holder.inScope) {
    await recordAudit(db, ctx, {
      action: "client.duplicateBsnAttempt",
      category: "write",
      clientId: holder.clientId,
      subjectType: "client",
      subjectId: holder.clientId,
      details: ownId ? { operation: "update", updatedClientId: ownId } : { operation: "create" },
    });
  }
  try {
    assertBsnFree(holder);
  } catch (refusal) {
    return refusal;
  }
  return error;
}

/** Benefit cannot start before birth: a rule across two fields, checked on the merged record. */
function assertDatesInOrder(birthDate: string, benefitStartDate: string): void {
  if (benefitStartDate < birthDate) {
    throw invalidField("benefitStartDate", "beforeBirthDate", "Benefit cannot start before the birth date");
  }
}

function searchName(givenName: string, familyName: string): string {
  return `${givenName} ${familyName}`.toLowerCase();
}

/**
 * What a client's record shows beside its row: the state pension age table, the partners the caller may see, and
 * whether the caller can undo the recorded end of the benefit.
 */
export async function registryFactsOf(db: Kysely<Database>, ctx: RequestContext, row: ClientRow): Promise<RegistryFacts> {
  return {
    pensionAges: await listStatePensionAges(db),
    partners: await repo.visibleHouseholdPartners(db, ctx.actor, row),
    benefitEndUndoable: await mayUndoBenefitEnd(db, ctx, row),
  };
}

/**
 * A page of the caller's visible clients as `present` makes it, kept until casework changes (so callers must not change
 * it), and records that a caseload was read (never the search text).
 */
export async function listClients<Page>(
  db: Kysely<Database>,
  casework: CaseworkCache,
  ctx: RequestContext,
  query: ClientSearch,
  present: (rows: ClientRow[], total: number) => Page | Promise<Page>,
): Promise<Page> {
  const result = await casework.get(
    pageKey("caseload", ctx.actor, ctx.clock.today(), query),
    async () => {
      const { rows, total, searchKind } = await repo.listVisibleClients(db, ctx.actor, query);
      return { page: await present(rows, total), returned: rows.length, total, searchKind };
    },
    (kept) => kept.returned,
  );
  await recordAudit(db, ctx, {
    action: "client.list",
    category: "read:list",
    details: { searchKind: result.searchKind, returned: result.returned, total: result.total },
  });
  return result.page;
}

/** Reads one client in scope (404 otherwise) and records the read of sensitive data. */
export async function readClient(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ClientRow> {
  const row = await repo.requireVisibleClient(db, ctx.actor, id);
  await recordAudit(db, ctx, {
    action: "client.read",
    category: "read:sensitive",
    clientId: row.id,
    subjectType: "client",
    subjectId: row.id,
  });
  return row;
}

/** What a host may know of a client referred or placed with them: the facts behind the need-to-know profile. */
export async function readHostClientProfile(db: Kysely<Database>, ctx: RequestContext, id: string) {
  const row = await repo.requireVisibleClient(db, ctx.actor, id);
  const placement = await repo.latestPlacementWith(db, id, ctx.actor.organisationId ?? "");
  const intake = await repo.latestIntakeAnswers(db, id);
  const { limits } = await capacityOf(db, row, ctx.clock.today());
  await recordAudit(db, ctx, {
    action: "client.readProfile",
    category: "read:profile",
    clientId: id,
    subjectType: "client",
    subjectId: id,
  });
  return {
    row,
    hoursPerWeek: placement?.hours_per_week ?? null,
    availability: intake ? parseJsonColumn(jsonStringList, intake.availability) : [],
    skills: intake ? parseJsonColumn(jsonStringList, intake.skills) : [],
    workLimits: limits,
  };
}

/** Registers a client. The consultant who registers becomes the assigned consultant. */
export async function createClient(db: Kysely<Database>, ctx: RequestContext, input: ClientCreateInput): Promise<ClientRow> {
  assertDatesInOrder(input.birthDate, input.benefitStartDate);
  assertWithinRegistryAge(input.birthDate, ctx.clock.today(), await listStatePensionAges(db));
  const now = nowIso(ctx.clock);
  try {
    return await inTransaction(db, async (trx) => {
      assertBsnFree(await repo.bsnHolder(trx, ctx.actor, input.bsn));
      const id = await repo.insertClient(trx, {
        bsn: input.bsn,
        given_name: input.givenName,
        family_name: input.familyName,
        birth_date: input.birthDate,
        postcode: input.postcode,
        house_number: input.houseNumber,
        house_number_addition: input.houseNumberAddition ?? null,
        street: input.street ?? null,
        city: input.city ?? null,
        district: districtForPostcode(input.postcode),
        benefit_start_date: input.benefitStartDate,
        capacity_hours_per_week: input.capacityHoursPerWeek ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        languages: JSON.stringify(input.languages),
        household_situation: input.householdSituation,
        education_level: input.educationLevel,
        household_id: input.householdId ?? null,
        consultant_id: ctx.actor.role === "consultant" ? ctx.actor.id : null,
        search_name: searchName(input.givenName, input.familyName),
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, ctx, {
        action: "client.create",
        category: "write",
        clientId: id,
        subjectType: "client",
        subjectId: id,
        details: { fields: Object.keys(input).sort() },
      });
      return requireFound(await repo.systemFindClient(trx, id), "client");
    });
  } catch (error) {
    throw await refusalForTakenBsn(db, ctx, error, input.bsn);
  }
}

const COLUMN_OF = {
  bsn: "bsn",
  givenName: "given_name",
  familyName: "family_name",
  birthDate: "birth_date",
  postcode: "postcode",
  houseNumber: "house_number",
  houseNumberAddition: "house_number_addition",
  street: "street",
  city: "city",
  benefitStartDate: "benefit_start_date",
  capacityHoursPerWeek: "capacity_hours_per_week",
  capacityHoursPerDay: "capacity_hours_per_day",
  capacityDaysPerWeek: "capacity_days_per_week",
  functionalLimits: "functional_limits",
  guidanceNeed: "guidance_need",
  phone: "phone",
  email: "email",
  languages: "languages",
  householdSituation: "household_situation",
  educationLevel: "education_level",
  householdId: "household_id",
} as const satisfies Record<keyof ClientUpdateInput, keyof ClientsTable>;

/** Changes a client in scope; records which fields changed (not their values). */
export async function updateClient(db: Kysely<Database>, ctx: RequestContext, id: string, input: ClientUpdateInput): Promise<ClientRow> {
  try {
    return await inTransaction(db, async (trx) => {
      const current = await repo.requireVisibleClient(trx, ctx.actor, id);
      assertDatesInOrder(input.birthDate ?? current.birth_date, input.benefitStartDate ?? current.benefit_start_date);
      if (input.bsn && input.bsn !== current.bsn) assertBsnFree(await repo.bsnHolder(trx, ctx.actor, input.bsn, id));
      if (input.birthDate && input.birthDate !== current.birth_date) {
        assertWithinRegistryAge(input.birthDate, ctx.clock.today(), await listStatePensionAges(trx));
      }

      const changes: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(input) as [keyof ClientUpdateInput, unknown][]) {
        const column = COLUMN_OF[field];
        const stored = field === "languages" || field === "functionalLimits" ? JSON.stringify(value) : (value ?? null);
        if (current[column] !== stored) changes[column] = stored;
      }
      const changedFields = (Object.keys(input) as (keyof ClientUpdateInput)[]).filter((f) => COLUMN_OF[f] in changes);
      if (changedFields.length === 0) return current;
      if ("postcode" in changes) changes.district = districtForPostcode(changes.postcode as string);
      if ("given_name" in changes || "family_name" in changes) {
        changes.search_name = searchName(input.givenName ?? current.given_name, input.familyName ?? current.family_name);
      }
      await repo.updateClient(trx, id, { ...changes, updated_at: nowIso(ctx.clock) });
      await recordAudit(trx, ctx, {
        action: "client.update",
        category: "write",
        clientId: id,
        subjectType: "client",
        subjectId: id,
        details: { fields: changedFields.sort() },
      });
      return requireFound(await repo.systemFindClient(trx, id), "client");
    });
  } catch (error) {
    throw await refusalForTakenBsn(db, ctx, error, input.bsn, id);
  }
}
