import os from "node:os";
import { hashPassword } from "@server/auth/passwords.js";
import { type Clock, nowIso } from "@server/clock.js";
import type { Database, NewClientRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import type { LetterLayout } from "@server/letters/pdf.js";
import { DISTRICTS } from "@shared/districts.js";
import type { UserRole } from "@shared/enums.js";
import type { Kysely } from "kysely";
import { ordinanceOn } from "../domains/ordinance/ordinance.repo.js";
import { generateAccountability } from "./accountability.js";
import { DEMO_AGENCY_ACCOUNTS, seedDemoAgencies } from "./agencies.js";
import { generateAgreements } from "./agreements.js";
import { generateAssignments } from "./assignments.js";
import { seedAttributions } from "./attributions.js";
import { seedBuddyGroup } from "./buddies.js";
import { generateExemptionsAndCare } from "./exemptions.js";
import { addCheckIns, demoAvailability, generateHistory, insertHistory } from "./history.js";
import { addHostPartnership } from "./host-partnership.js";
import { LetterPool } from "./letter-pool.js";
import {
  type DemoClient,
  type DemoOrganisation,
  demoLimitsOf,
  districtWeights,
  generateClient,
  generateOrganisation,
  SeededRandom,
  syntheticBsns,
} from "./population.js";
import { choosePortalClient, DEMO_CONSULTANT_PHONES, portalAppointment } from "./portal.js";
import { present } from "./present.js";
import { generatePlacements, generateRoles } from "./roles.js";
import { seedSanctions } from "./sanctions.js";

/** The accounts DESIGN.md promises in demo mode, printed at start. */
export const DEMO_ACCOUNTS = [
  { email: "admin@demo.local", role: "admin", description: "beheerder (admin)" },
  { email: "consulent@demo.local", role: "consultant", description: "activeringsconsulent, Charlois" },
  { email: "consulent2@demo.local", role: "consultant", description: "activeringsconsulent, Overschie" },
  { email: "teamleider@demo.local", role: "teamLead", description: "teamleider, Charlois en Overschie" },
  { email: "organisatie@demo.local", role: "host", description: "vrijwilligersorganisatie in Charlois" },
  { email: "klant@demo.local", role: "client", description: "klant in Charlois" },
  { email: "onderzoeker@demo.local", role: "researcher", description: "beleidsonderzoeker" },
  ...DEMO_AGENCY_ACCOUNTS,
] as const satisfies readonly { email: string; role: UserRole; description: string }[];

export interface SeedOptions {
  seed: number;
  /** Number of long-term clients; the rest of the population scales with it. */
  clients: number;
  /**
   * Share of clients invited in the last two years, with the workflow that followed (intakes, plans, check-ins,
   * placements, sanctions); exemptions and caregiving only when it is above 0.
   */
  historyShare?: number;
  demoPassword: string;
  /** Where "today" is: the history runs up to it. */
  clock: Clock;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface SeedCounts {
  clients: number;
  users: number;
  organisations: number;
  roles: number;
  placements: number;
  letters: number;
}

// A third of the cohort was invited in the last two years; about three in four of them came to the intake, and nearly
// all of those have a confirmed plan: a quarter of the cohort.
const DEFAULT_HISTORY_SHARE = 1 / 3;
// The demo consultants' own caseloads get a fuller history, so their work queue shows every kind of reason.
const DEMO_CASELOAD_HISTORY_SHARE = 0.4;

const BATCH = 500;
/** Added to the seed for the accountability requests' own random stream. */
const ACCOUNTABILITY_STREAM = 7919;
const CONSULTANTS_PER_CLIENT = 120 / 18000;
const ORGANISATIONS_PER_CLIENT = 600 / 18000;
/** The host organisation the demo host account works for. */
const DEMO_HOST_NAME = "Buurthuis De Wielewaal";

/** True when no account exists yet: the moment to create the demo population. */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/** Spreads `total` over districts by weight, at least `minimum` each (largest remainder). */
function apportion(total: number, minimum: number): Map<string, number> {
  const weights = districtWeights();
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  const shares = weights.map(([d, w]) => ({ d, exact: (total * w) / sum }));
  const result = new Map(shares.map(({ d, exact }) => [d, Math.max(minimum, Math.floor(exact))]));
  let left = total - [...result.values()].reduce((s, n) => s + n, 0);
  for (const { d } of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left <= 0) break;
    result.set(d, (result.get(d) ?? 0) + 1);
    left--;
  }
  return result;
}

interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  districts: string[];
  organisationId: string | null;
  clientId: string | null;
}

function clientRow(client: DemoClient, consultantId: string | null, now: string): NewClientRow {
  return {
    id: client.id,
    bsn: client.bsn,
    given_name: client.givenName,
    family_name: client.familyName,
    birth_date: client.birthDate,
    postcode: client.postcode,
    house_number: client.houseNumber,
    house_number_addition: client.houseNumberAddition,
    street: client.street,
    city: client.city,
    district: client.district,
    benefit_start_date: client.benefitStartDate,
    capacity_hours_per_week: client.capacityHoursPerWeek,
    capacity_hours_per_day: demoLimitsOf(client).hoursPerDay,
    capacity_days_per_week: demoLimitsOf(client).daysPerWeek,
    functional_limits: JSON.stringify(demoLimitsOf(client).functionalLimits),
    phone: client.phone,
    email: client.email,
    languages: JSON.stringify(client.languages),
    household_situation: client.householdSituation,
    education_level: client.educationLevel,
    consultant_id: consultantId,
    guidance_need: client.guidanceNeed,
    household_id: null,
    search_name: `${client.givenName} ${client.familyName}`.toLowerCase(),
    created_at: now,
    updated_at: now,
  };
}

/**
 * Couples on one benefit: within a district, each two clients in a row who live as a couple become partners in one
 * household (the benefits administration's household number), the second at the first's address. Follows from the
 * rows alone, so the population's random draws stay as they were.
 */
function pairHouseholds(rows: NewClientRow[]): void {
  let waiting: NewClientRow | undefined;
  let number = 0;
  for (const row of rows) {
    if (row.household_situation !== "couple" && row.household_situation !== "coupleWithChildren") continue;
    if (!waiting || waiting.district !== row.district) {
      waiting = row;
      continue;
    }
    number++;
    const householdId = `HH-${String(number).padStart(6, "0")}`;
    waiting.household_id = householdId;
    Object.assign(row, {
      household_id: householdId,
      household_situation: waiting.household_situation,
      postcode: waiting.postcode,
      house_number: waiting.house_number,
      house_number_addition: waiting.house_number_addition,
      street: waiting.street,
      city: waiting.city,
    });
    waiting = undefined;
  }
}

function organisationRow(org: DemoOrganisation, now: string) {
  return {
    id: org.id,
    name: org.name,
    kvk_number: org.kvkNumber,
    postcode: org.postcode,
    house_number: org.houseNumber,
    district: org.district,
    guidance_hours_per_week: org.guidanceHoursPerWeek,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Creates the synthetic Rotterdam-like population: clients over the 14 districts, consultants and team
 * leads bound to districts, host organisations, and the demo accounts. Deterministic for a given seed.
 */
export async function seedDemoPopulation(db: Kysely<Database>, options: SeedOptions): Promise<SeedCounts> {
  // The history's letters (thousands of PDFs) are laid out on a worker thread per core, four at most.
  const letters = new LetterPool(Math.min(4, os.availableParallelism()));
  try {
    return await seedWith(db, options, letters.render);
  } finally {
    await letters.close();
  }
}

async function seedWith(
  db: Kysely<Database>,
  options: SeedOptions,
  render: (layout: LetterLayout) => Promise<Buffer>,
): Promise<SeedCounts> {
  const random = new SeededRandom(options.seed);
  const progress = options.onProgress ?? (() => {});
  const { clock } = options;
  const today = clock.today();
  const now = nowIso(clock);

  // Staff: consultants per district in proportion to its clients; team leads over groups of districts.
  const consultantCount = Math.max(DISTRICTS.length, Math.round(options.clients * CONSULTANTS_PER_CLIENT));
  const consultantsPerDistrict = apportion(consultantCount, 1);
  const staff: StaffAccount[] = [];
  const consultantsByDistrict = new Map<string, StaffAccount[]>();
  for (const district of DISTRICTS) {
    const list: StaffAccount[] = [];
    for (let i = 0; i < (consultantsPerDistrict.get(district) ?? 0); i++) {
      const isDemo = (district === "Charlois" || district === "Overschie") && i === 0;
      const first = random.faker.person.firstName();
      const last = random.faker.person.lastName();
      list.push({
        id: random.uuid(),
        email: isDemo
          ? district === "Charlois"
            ? "consulent@demo.local"
            : "consulent2@demo.local"
          : `${first}.${last}.${staff.length + list.length}@consulent.demo.local`.toLowerCase().replace(/[^a-z0-9.@]/g, ""),
        displayName: `${first} ${last}`,
        role: "consultant",
        districts: [district],
        organisationId: null,
        clientId: null,
      });
    }
    consultantsByDistrict.set(district, list);
    staff.push(...list);
  }
  const otherDistricts = DISTRICTS.filter((d) => d !== "Charlois" && d !== "Overschie");
  const teamGroups = [["Charlois", "Overschie"], ...Array.from({ length: 9 }, (_, i) => otherDistricts.filter((_, j) => j % 9 === i))];
  teamGroups.forEach((districts, i) => {
    const first = random.faker.person.firstName();
    const last = random.faker.person.lastName();
    staff.push({
      id: random.uuid(),
      email: i === 0 ? "teamleider@demo.local" : `teamleider${i}@demo.local`,
      displayName: `${first} ${last}`,
      role: "teamLead",
      districts,
      organisationId: null,
      clientId: null,
    });
  });

  // Host organisations, the demo host in Charlois with room to spare.
  const organisationsPerDistrict = apportion(Math.max(DISTRICTS.length, Math.round(options.clients * ORGANISATIONS_PER_CLIENT)), 1);
  const organisations: DemoOrganisation[] = [];
  const organisationNames = new Set([DEMO_HOST_NAME]);
  for (const district of DISTRICTS) {
    for (let i = 0; i < (organisationsPerDistrict.get(district) ?? 0); i++) {
      organisations.push(generateOrganisation(random, district, organisations.length + 1, organisationNames));
    }
  }
  const demoHost = present(
    organisations.find((o) => o.district === "Charlois"),
    "an organisation in Charlois",
  );
  demoHost.name = DEMO_HOST_NAME;
  demoHost.guidanceHoursPerWeek = 40;

  // Clients, assigned round-robin to their district's consultants.
  const clientsPerDistrict = apportion(options.clients, options.clients >= DISTRICTS.length ? 1 : 0);
  const bsns = syntheticBsns();
  const clientRows: NewClientRow[] = [];
  for (const district of DISTRICTS) {
    const consultants = present(consultantsByDistrict.get(district), `consultants of ${district}`);
    for (let i = 0; i < (clientsPerDistrict.get(district) ?? 0); i++) {
      const client = generateClient(random, district, bsns.next().value as string, today);
      const consultant = present(consultants[i % consultants.length], `a consultant in ${district}`);
      clientRows.push(clientRow(client, consultant.id, now));
    }
  }
  pairHouseholds(clientRows);
  const demoConsultantId = consultantsByDistrict.get("Charlois")?.[0]?.id;
  const demoClient = clientRows.find((c) => c.district === "Charlois" && c.consultant_id === demoConsultantId);

  const admin: StaffAccount = {
    id: random.uuid(),
    email: "admin@demo.local",
    displayName: "Beheerder Demo",
    role: "admin",
    districts: [],
    organisationId: null,
    clientId: null,
  };
  const special: StaffAccount[] = [
    admin,
    {
      id: random.uuid(),
      email: "organisatie@demo.local",
      displayName: "Coördinator De Wielewaal",
      role: "host",
      districts: [],
      organisationId: demoHost.id,
      clientId: null,
    },
    {
      id: random.uuid(),
      email: "onderzoeker@demo.local",
      displayName: "Onderzoeker Demo",
      role: "researcher",
      districts: [],
      organisationId: null,
      clientId: null,
    },
  ];
  if (demoClient) {
    special.push({
      id: random.uuid(),
      email: "klant@demo.local",
      displayName: `${demoClient.given_name} ${demoClient.family_name}`,
      role: "client",
      districts: [],
      organisationId: null,
      clientId: demoClient.id,
    });
  }
  const accounts = [...special, ...staff];

  // Every demo account has the same password, so it is hashed once (memory-hard on purpose, a tenth of a second), on
  // libuv's thread pool while the history is made below.
  const hashing = hashPassword(options.demoPassword);

  // Two years of workflow for a share of the clients; letters are real PDFs (the slow part, laid out on worker threads).
  const historyConsultants = new Map(
    staff
      .filter((a) => a.role === "consultant")
      .map((a) => [a.id, { id: a.id, displayName: a.displayName, district: present(a.districts[0], `district of ${a.email}`) }]),
  );
  const availability = [...historyConsultants.values()].flatMap((c) => demoAvailability(random, c, now));
  const share = options.historyShare ?? DEFAULT_HISTORY_SHARE;
  const demoConsultants = new Set(staff.filter((a) => a.email.endsWith("@demo.local") && a.role === "consultant").map((a) => a.id));
  const history = await generateHistory(
    random,
    clientRows,
    historyConsultants,
    clock,
    (consultantId) => (share > 0 && demoConsultants.has(consultantId) ? DEMO_CASELOAD_HISTORY_SHARE : share),
    render,
    (done, total) => progress("history", done, total),
  );
  // Volunteer roles for every organisation, and placements for clients with a plan in force.
  const adminId = admin.id;
  const ordinance = await ordinanceOn(db, today);
  const reviewerOf = (district: string) =>
    present(staff.find((a) => a.role === "teamLead" && a.districts.includes(district))?.id, `the team lead of ${district}`);
  const roleRows = generateRoles(random, organisations, demoHost.id, adminId, reviewerOf, today, ordinance, now);
  const guidanceNeedOf = new Map(clientRows.map((c) => [c.id, c.guidance_need]));
  const placements = generatePlacements(
    random,
    history.planned.map((p) => ({
      ...p,
      planConfirmedOn: p.confirmedOn,
      guidanceNeed: present(guidanceNeedOf.get(p.clientId), `guidance need of ${p.clientId}`),
    })),
    roleRows.roles,
    organisations,
    today,
    ordinance,
  );
  // Check-ins over the two years, whose WHO-5 and ladder rise once a placement has started (outcomes.ts).
  addCheckIns(random, history, new Map(placements.flatMap((p) => (p.started_on ? [[p.client_id, p.started_on]] : []))), today);
  // Every plan confirmed with hours is the tegenprestatie assignment; its letter becomes the plan's letter.
  const assignments = await generateAssignments(random, history, clientRows, historyConsultants, ordinance.version, clock, render);
  history.letters.push(...assignments.letters);
  // The demo client's account goes to a client of the demo consultant whose portal has something to show: a decision,
  // a running placement and plan step (choosePortalClient), and a planned conversation to say "ik kan niet" to.
  const assigned = new Set(assignments.decisions.map((d) => d.client_id));
  const clientAccount = special.find((a) => a.role === "client");
  const portalClient = choosePortalClient(
    clientRows.filter((c) => c.district === "Charlois" && c.consultant_id === demoConsultantId),
    { assigned, plans: history.plans, steps: history.steps, placements },
  );
  if (clientAccount && portalClient) {
    clientAccount.clientId = portalClient.id;
    clientAccount.displayName = `${portalClient.given_name} ${portalClient.family_name}`;
    const appointment =
      share > 0 && demoConsultantId
        ? portalAppointment(portalClient.id, demoConsultantId, availability, history.appointments, today, now)
        : null;
    if (appointment) history.appointments.push(appointment);
  }
  const agreements = await generateAgreements(
    random,
    placements,
    roleRows.roles,
    organisations,
    clientRows,
    historyConsultants,
    {
      hostOf: (organisationId) => accounts.find((a) => a.role === "host" && a.organisationId === organisationId)?.id ?? null,
      clientAccountOf: (clientId) => accounts.find((a) => a.clientId === clientId)?.id ?? null,
    },
    ordinance.version,
    clock,
    render,
    (done, total) => progress("agreements", done, total),
  );

  const expenseRows = addHostPartnership(placements, agreements.rows, today, now);

  // Exemptions and caregiving belong to the workflow history, so tests that build their own (share 0) get none.
  const circumstances =
    share > 0
      ? generateExemptionsAndCare(random, clientRows, (client) => client.consultant_id ?? null, today)
      : { exemptions: [], caregiving: [] };
  // Accountability requests of the accepted caregiving, with their letters: from a stream of their own, so adding them
  // changed nothing else of the history.
  const accountability = await generateAccountability(
    new SeededRandom(options.seed + ACCOUNTABILITY_STREAM),
    circumstances.caregiving,
    clientRows,
    ordinance,
    clock,
    render,
  );
  const teamLeads = staff.filter((a) => a.role === "teamLead");
  const teamLeadOf = (district: string) => teamLeads.find((lead) => lead.districts.includes(district));
  const passwordHash = await hashing;
  progress("accounts", accounts.length, accounts.length);

  await inTransaction(db, async (trx) => {
    for (let i = 0; i < organisations.length; i += BATCH) {
      await trx
        .insertInto("organisations")
        .values(organisations.slice(i, i + BATCH).map((o) => organisationRow(o, now)))
        .execute();
      progress("organisations", Math.min(i + BATCH, organisations.length), organisations.length);
    }
    const userRows = accounts.map((a) => ({
      id: a.id,
      email: a.email,
      password_hash: passwordHash,
      display_name: a.displayName,
      role: a.role,
      organisation_id: a.organisationId,
      client_id: a.clientId,
      phone: DEMO_CONSULTANT_PHONES[a.email] ?? null,
      active: 1,
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < userRows.length; i += BATCH)
      await trx
        .insertInto("users")
        .values(userRows.slice(i, i + BATCH))
        .execute();
    const districtRows = accounts.flatMap((a) => a.districts.map((district) => ({ user_id: a.id, district })));
    for (let i = 0; i < districtRows.length; i += BATCH)
      await trx
        .insertInto("user_districts")
        .values(districtRows.slice(i, i + BATCH))
        .execute();
    for (let i = 0; i < clientRows.length; i += BATCH) {
      await trx
        .insertInto("clients")
        .values(clientRows.slice(i, i + BATCH))
        .execute();
      progress("clients", Math.min(i + BATCH, clientRows.length), clientRows.length);
    }
    for (let i = 0; i < availability.length; i += BATCH)
      await trx
        .insertInto("consultant_availability")
        .values(availability.slice(i, i + BATCH))
        .execute();
    await insertHistory(trx, history);
    for (let i = 0; i < roleRows.roles.length; i += 200)
      await trx
        .insertInto("volunteer_roles")
        .values(roleRows.roles.slice(i, i + 200))
        .execute();
    for (let i = 0; i < roleRows.checks.length; i += 200)
      await trx
        .insertInto("displacement_checks")
        .values(roleRows.checks.slice(i, i + 200))
        .execute();
    for (let i = 0; i < placements.length; i += 200)
      await trx
        .insertInto("placements")
        .values(placements.slice(i, i + 200))
        .execute();
    for (let i = 0; i < agreements.letters.length; i += 50)
      await trx
        .insertInto("letters")
        .values(agreements.letters.slice(i, i + 50))
        .execute();
    const decisionRows = [...assignments.decisions, ...agreements.decisions];
    for (let i = 0; i < decisionRows.length; i += 200)
      await trx
        .insertInto("decisions")
        .values(decisionRows.slice(i, i + 200))
        .execute();
    for (let i = 0; i < agreements.rows.length; i += 200)
      await trx
        .insertInto("placement_agreements")
        .values(agreements.rows.slice(i, i + 200))
        .execute();
    for (let i = 0; i < expenseRows.length; i += 200)
      await trx
        .insertInto("placement_expenses")
        .values(expenseRows.slice(i, i + 200))
        .execute();
    for (let i = 0; i < circumstances.exemptions.length; i += 200)
      await trx
        .insertInto("exemptions")
        .values(circumstances.exemptions.slice(i, i + 200))
        .execute();
    for (let i = 0; i < circumstances.caregiving.length; i += 200)
      await trx
        .insertInto("caregiving")
        .values(circumstances.caregiving.slice(i, i + 200))
        .execute();
    for (let i = 0; i < accountability.letters.length; i += 50)
      await trx
        .insertInto("letters")
        .values(accountability.letters.slice(i, i + 50))
        .execute();
    for (let i = 0; i < accountability.requests.length; i += 200)
      await trx
        .insertInto("accountability_requests")
        .values(accountability.requests.slice(i, i + 200))
        .execute();
  });
  // Attributions and sanctions go through the services, on the days they happened, once what they rest on is stored.
  const consultantIdOf = new Map(clientRows.map((c) => [c.id, c.consultant_id ?? ""]));
  const consultantOf = (clientId: string) => {
    const consultant = historyConsultants.get(consultantIdOf.get(clientId) ?? "");
    return consultant && { id: consultant.id, displayName: consultant.displayName, districts: [consultant.district] };
  };
  const attributionLetters = await seedAttributions(db, random, placements, consultantOf, today);
  const sanctionLetters =
    share > 0
      ? await seedSanctions(
          db,
          random,
          {
            appointments: history.appointments,
            invitations: history.invitations,
            clients: clientRows,
            consultants: historyConsultants,
            teamLeadOf,
          },
          today,
        )
      : 0;
  // Two intermediary agencies with their workers, and clients of Charlois and Overschie assigned to them.
  const agencies = await seedDemoAgencies(db, {
    seed: options.seed,
    passwordHash,
    today,
    now,
    teamLeadId: staff.find((a) => a.email === "teamleider@demo.local")?.id ?? null,
  });

  // The Overschie buddy group, made by the Overschie demo consultant through the services (with the history only).
  const overschie = staff.find((a) => a.email === "consulent2@demo.local");
  const buddyLetters = share > 0 && overschie ? await seedBuddyGroup(db, overschie, today) : 0;

  return {
    clients: clientRows.length,
    users: accounts.length + agencies.users,
    organisations: organisations.length,
    roles: roleRows.roles.length,
    placements: placements.length,
    // The history's letters include the plan letters of the assignments.
    letters:
      history.letters.length +
      agreements.letters.length +
      accountability.letters.length +
      attributionLetters +
      sanctionLetters +
      buddyLetters,
  };
}
