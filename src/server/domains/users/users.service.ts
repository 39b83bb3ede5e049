import type { RequestContext } from "@server/auth/actor.js";
import { hashPassword } from "@server/auth/passwords.js";
import { nowIso } from "@server/clock.js";
import { isUniqueViolation } from "@server/db/errors.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, invalidField, notFound, requireFound } from "@server/http/errors.js";
import { DISTRICTS } from "@shared/districts.js";
import type { UserRole } from "@shared/enums.js";
import type { UserCreateInput, UserUpdateInput } from "@shared/schemas/users.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { deleteSessionsOfUser } from "../sessions/sessions.repo.js";
import * as repo from "./users.repo.js";

interface Binding {
  role: UserRole;
  districts: string[];
  organisationId: string | null;
  clientId: string | null;
  agencyId: string | null;
}

/** A role comes with exactly the binding it needs: districts, an organisation, an agency or a client record. */
export async function assertBindingFits(db: Kysely<Database>, binding: Binding): Promise<void> {
  const unknown = binding.districts.find((d) => !DISTRICTS.includes(d));
  if (unknown) throw invalidField("districts", "unknownDistrict", `Unknown district: ${unknown}`);
  const needsDistricts = binding.role === "consultant" || binding.role === "teamLead";
  if (needsDistricts && binding.districts.length === 0) {
    throw invalidField("districts", "required", "Consultants and team leads need at least one district");
  }
  if (!needsDistricts && binding.districts.length > 0) {
    throw invalidField("districts", "notAllowed", "Only consultants and team leads have districts");
  }
  if (binding.role === "host") {
    if (!binding.organisationId) throw invalidField("organisationId", "required", "Host users belong to an organisation");
    if (!(await repo.organisationExists(db, binding.organisationId)))
      throw invalidField("organisationId", "unknownOrganisation", "No such organisation");
  } else if (binding.organisationId) {
    throw invalidField("organisationId", "notAllowed", "Only host users belong to an organisation");
  }
  if (binding.role === "agencyWorker") {
    if (!binding.agencyId) throw invalidField("agencyId", "required", "Agency workers belong to an agency");
    if (!(await repo.agencyExists(db, binding.agencyId))) throw invalidField("agencyId", "unknownAgency", "No such agency");
  } else if (binding.agencyId) {
    throw invalidField("agencyId", "notAllowed", "Only agency workers belong to an agency");
  }
  if (binding.role === "client") {
    if (!binding.clientId) throw invalidField("clientId", "required", "Client users are bound to a client record");
    if (!(await repo.clientExists(db, binding.clientId))) throw invalidField("clientId", "unknownClient", "No such client");
  } else if (binding.clientId) {
    throw invalidField("clientId", "notAllowed", "Only client users are bound to a client record");
  }
}

const duplicateEmail = () =>
  conflict("duplicateEmail", "An account with this email address exists.", [
    { name: "email", code: "duplicateEmail", reason: "Already in use" },
  ]);

/** Creates an account with its role binding (admin). */
export async function createUser(db: Kysely<Database>, ctx: RequestContext, input: UserCreateInput) {
  const binding = {
    role: input.role,
    districts: input.districts,
    organisationId: input.organisationId ?? null,
    clientId: input.clientId ?? null,
    agencyId: input.agencyId ?? null,
  };
  await assertBindingFits(db, binding);
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(db, async (trx) => {
      if (await repo.findUserByEmail(trx, input.email)) throw duplicateEmail();
      const id = await repo.insertUser(
        trx,
        { ...binding, email: input.email, displayName: input.displayName, passwordHash },
        nowIso(ctx.clock),
      );
      await recordAudit(trx, ctx, {
        action: "user.create",
        category: "admin",
        subjectType: "user",
        subjectId: id,
        clientId: binding.clientId,
        details: { role: input.role },
      });
      return requireFound(await repo.findUserById(trx, id), "user");
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
}

/** Changes an account's name, role, binding, status or password (admin). Deactivation ends its sessions. */
export async function updateUser(db: Kysely<Database>, ctx: RequestContext, id: string, input: UserUpdateInput) {
  const current = await repo.findUserById(db, id);
  if (!current) throw notFound("user");
  const role = input.role ?? current.role;
  const binding = {
    role,
    districts: input.districts ?? (input.role && !["consultant", "teamLead"].includes(role) ? [] : current.districts),
    organisationId: input.organisationId !== undefined ? input.organisationId : role === "host" ? current.organisation_id : null,
    clientId: input.clientId !== undefined ? input.clientId : role === "client" ? current.client_id : null,
    agencyId: input.agencyId !== undefined ? input.agencyId : role === "agencyWorker" ? current.agency_id : null,
  };
  await assertBindingFits(db, binding);
  if (id === ctx.actor.id && (input.active === false || (input.role && input.role !== "admin"))) {
    throw conflict("selfLockout", "You cannot deactivate your own account or take away your own admin role.");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await inTransaction(db, async (trx) => {
    await repo.updateUser(
      trx,
      id,
      {
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        role,
        organisation_id: binding.organisationId ?? null,
        client_id: binding.clientId ?? null,
        agency_id: binding.agencyId ?? null,
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
      },
      nowIso(ctx.clock),
    );
    await repo.replaceDistricts(trx, id, binding.districts);
    const roleChanged = input.role !== undefined && input.role !== current.role;
    if (input.active === false || passwordHash || roleChanged) await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, ctx, {
      action: "user.update",
      category: "admin",
      subjectType: "user",
      subjectId: id,
      details: { fields: Object.keys(input).sort() },
    });
  });
  return requireFound(await repo.findUserById(db, id), "user");
}
