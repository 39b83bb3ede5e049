import type { Clock } from "@server/clock.js";
import type { AccountabilityRequestsTable, CaregivingTable, LettersTable, NewClientRow } from "@server/db/schema.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate, type LetterLayout } from "@server/letters/pdf.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import { caregivingText } from "../domains/accountability/accountability.service.js";
import { prepareLetter } from "../domains/letters/letters.service.js";
import type { SeededRandom } from "./population.js";
import { present } from "./present.js";

/** Of the requests, the share answered by the date in the letter, and the share answered after it; the rest are not answered. */
export const DEMO_ACCOUNTABILITY = { onTime: 0.72, late: 0.18 } as const;

type Rules = Pick<Ordinance, "version" | "accountabilityIntervalMonths" | "accountabilityReminderDays" | "accountabilityOverdueDays">;

/**
 * The accountability requests of the demo's caregiving accepted as the contribution, as the daily job would have made
 * them: one each interval of the ordinance after it was formalised, up to today, each with its letter. About seven in
 * ten are answered (by the consultant, as the client tells them) within the ordinance's days, most of the rest later —
 * after the reminder the daily job sends — and some never; the last request may still be open. Its own random stream,
 * so the rest of the history does not change with it.
 */
export async function generateAccountability(
  random: SeededRandom,
  caregiving: readonly CaregivingTable[],
  clients: readonly NewClientRow[],
  rules: Rules,
  clock: Clock,
  render: (layout: LetterLayout) => Promise<Buffer>,
): Promise<{ letters: LettersTable[]; requests: AccountabilityRequestsTable[] }> {
  const today = clock.today();
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const requests: AccountabilityRequestsTable[] = [];
  const letters: Promise<LettersTable>[] = [];
  const run = { id: "demo-history", clock };
  for (const care of caregiving) {
    if (care.beyond_customary_care !== 1) continue;
    const client = present(clientById.get(care.client_id), `client ${care.client_id}`);
    const formalisedOn = care.created_at.slice(0, 10);
    const activity = caregivingText(care);
    for (let k = 1; addMonths(formalisedOn, k * rules.accountabilityIntervalMonths) <= today; k++) {
      const requestedOn = addMonths(formalisedOn, k * rules.accountabilityIntervalMonths);
      const answerBy = addDays(requestedOn, rules.accountabilityOverdueDays);
      const draw = random.int(0, 9999) / 10_000;
      const answeredAfter =
        draw < DEMO_ACCOUNTABILITY.onTime
          ? random.int(2, rules.accountabilityOverdueDays)
          : draw < DEMO_ACCOUNTABILITY.onTime + DEMO_ACCOUNTABILITY.late
            ? random.int(rules.accountabilityOverdueDays + 1, rules.accountabilityOverdueDays + 45)
            : null;
      const respondedOn = answeredAfter === null ? null : addDays(requestedOn, answeredAfter);
      const answered = respondedOn !== null && respondedOn <= today;
      const remindOn = addDays(requestedOn, rules.accountabilityReminderDays);
      // The daily job reminds once, on its day, a request still open then.
      const reminded = remindOn <= today && (!answered || (respondedOn as string) > remindOn);
      const letterId = random.uuid();
      const reminderId = reminded ? random.uuid() : null;
      const base = { client: client as never, registered: false, render } as const;
      letters.push(
        prepareLetter(run, {
          ...base,
          id: letterId,
          createdAt: `${requestedOn}T06:00:00.000Z`,
          letterDate: requestedOn,
          kind: "accountabilityRequest",
          template: "accountability-request",
          data: {
            givenName: client.given_name,
            familyName: client.family_name,
            activity,
            intervalMonths: rules.accountabilityIntervalMonths,
            answerBy: formatDutchDate(answerBy),
            phone: municipality.phone,
          },
        }),
      );
      if (reminderId) {
        letters.push(
          prepareLetter(run, {
            ...base,
            id: reminderId,
            createdAt: `${remindOn}T06:00:00.000Z`,
            letterDate: remindOn,
            kind: "accountabilityReminder",
            template: "accountability-reminder",
            data: {
              givenName: client.given_name,
              familyName: client.family_name,
              activity,
              requestedOn: formatDutchDate(requestedOn),
              answerBy: formatDutchDate(answerBy),
              phone: municipality.phone,
            },
          }),
        );
      }
      requests.push({
        id: random.uuid(),
        client_id: care.client_id,
        subject_type: "caregiving",
        subject_id: care.id,
        requested_on: requestedOn,
        ordinance_version: rules.version,
        letter_id: letterId,
        reminded_on: reminderId ? remindOn : null,
        reminder_letter_id: reminderId,
        status: answered ? "confirmed" : "open",
        responded_on: answered ? respondedOn : null,
        response: answered ? "De mantelzorg gaat door, zegt de cliënt aan de telefoon." : null,
        responded_by: answered ? care.judged_by : null,
        created_at: `${requestedOn}T06:00:00.000Z`,
      });
    }
  }
  return { letters: await Promise.all(letters), requests };
}
