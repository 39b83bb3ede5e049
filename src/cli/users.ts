import { createInterface } from "node:readline/promises";
import { hashPassword } from "@server/auth/passwords.js";
import { nowIso, systemClock } from "@server/clock.js";
import { insertAuditEvent } from "@server/domains/audit/audit.repo.js";
import { findUserByEmail, insertUser } from "@server/domains/users/users.repo.js";
import { assertBindingFits } from "@server/domains/users/users.service.js";
import { AppError } from "@server/http/errors.js";
import { userCreateInput } from "@shared/schemas/users.js";
import { openDatabase } from "./database.js";

interface CreateUserOptions {
  email: string;
  name: string;
  role: string;
  district?: string[];
  organisation?: string;
  client?: string;
  database?: string;
}

async function readPassword(): Promise<string> {
  if (process.env.NV_NEW_PASSWORD) return process.env.NV_NEW_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("set NV_NEW_PASSWORD or run on a terminal to type the password");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question("Password (at least 12 characters): ");
  } finally {
    rl.close();
  }
}

/** `naar-vermogen create-user`: creates an account from the command line (audited as the system). */
export async function runUserCreate(options: CreateUserOptions): Promise<void> {
  const parsed = userCreateInput.safeParse({
    email: options.email,
    displayName: options.name,
    role: options.role,
    districts: options.district ?? [],
    organisationId: options.organisation,
    clientId: options.client,
    password: await readPassword(),
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "));
  }
  const input = parsed.data;
  const db = await openDatabase(options.database);
  try {
    if (await findUserByEmail(db.kysely, input.email)) throw new Error(`an account with email ${input.email} exists`);
    const binding = {
      role: input.role,
      districts: input.districts,
      organisationId: input.organisationId ?? null,
      clientId: input.clientId ?? null,
      agencyId: input.agencyId ?? null,
    };
    await assertBindingFits(db.kysely, binding).catch((error: unknown) => {
      throw error instanceof AppError ? new Error(error.detail) : error;
    });
    const id = await insertUser(
      db.kysely,
      {
        email: input.email,
        displayName: input.displayName,
        ...binding,
        passwordHash: await hashPassword(input.password),
      },
      nowIso(systemClock),
    );
    await insertAuditEvent(db.kysely, systemClock, { id: null, email: "cli", role: "system" }, null, {
      action: "user.create",
      category: "admin",
      subjectType: "user",
      subjectId: id,
    });
    console.log(`Created ${input.role} ${input.email} (${id}).`);
  } finally {
    await db.destroy();
  }
}
