import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import {
  appointmentList,
  appointmentOutput,
  appointmentUpdateInput,
  availabilityInput,
  availabilityOutput,
  MY_APPOINTMENTS_MAX_DAYS,
  myAppointmentList,
  myAppointmentsQuery,
  rescheduleRequestInput,
  rescheduleRequestOutput,
} from "@shared/schemas/appointments.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { appointmentPolicy } from "./appointments.policy.js";
import { presentAppointment, presentRescheduleRequest } from "./appointments.presenter.js";
import { listAppointmentsOfClient, listAvailability, openRescheduleRequestsOfClient } from "./appointments.repo.js";
import { setOwnAvailability, updateAppointmentStatus } from "./appointments.service.js";
import { listMyAppointments } from "./my-day.service.js";
import { requestReschedule } from "./reschedule.service.js";

/** The consultant's weekly availability and a client's appointments. */
export function appointmentRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/me/availability",
      {
        config: { policy: appointmentPolicy.manageOwnAvailability },
        schema: { tags: ["appointments"], summary: "My weekly availability", response: { 200: availabilityOutput } },
      },
      async (request) => {
        const rows = await listAvailability(db.kysely, contextOf(request).actor.id);
        return {
          blocks: rows.map((r) => ({
            weekday: r.weekday,
            startTime: r.start_time,
            endTime: r.end_time,
            slotMinutes: r.slot_minutes,
            location: r.location,
          })),
        };
      },
    );

    app.put(
      "/me/availability",
      {
        config: { policy: appointmentPolicy.manageOwnAvailability },
        schema: {
          tags: ["appointments"],
          summary: "Set my weekly availability",
          body: availabilityInput,
          response: { 200: availabilityOutput },
        },
      },
      async (request) => {
        await setOwnAvailability(db.kysely, contextOf(request), request.body.blocks);
        return { blocks: request.body.blocks };
      },
    );

    app.get(
      "/me/appointments",
      {
        config: { policy: appointmentPolicy.listOwn },
        schema: {
          tags: ["appointments"],
          summary: "My appointments (Mijn dag)",
          description: `The caller's own appointments over a stretch of days in Amsterdam (by default today up to and including Sunday, at most ${MY_APPOINTMENTS_MAX_DAYS} days), earliest first, each with the client's name and the place, and without cancelled ones. Only clients the caller may see are listed.`,
          querystring: myAppointmentsQuery,
          response: { 200: myAppointmentList },
        },
      },
      async (request) => listMyAppointments(db.kysely, contextOf(request), request.query),
    );

    app.get(
      "/clients/:id/appointments",
      {
        config: { policy: appointmentPolicy.list },
        schema: { tags: ["appointments"], summary: "A client's appointments", params: idParam, response: { 200: appointmentList } },
      },
      async (request) => {
        await requireVisibleClient(db.kysely, contextOf(request).actor, request.params.id);
        const requests = await openRescheduleRequestsOfClient(db.kysely, request.params.id);
        const rows = await listAppointmentsOfClient(db.kysely, request.params.id);
        return { items: rows.map((row) => presentAppointment(row, requests.get(row.id))) };
      },
    );

    app.patch(
      "/appointments/:id",
      {
        config: { policy: appointmentPolicy.update },
        schema: {
          tags: ["appointments"],
          summary: "Record attendance",
          description:
            "attended, missed or cancelled. A missed intake after a delivered letter leads to a second invitation, never straight to a sanction.",
          params: idParam,
          body: appointmentUpdateInput,
          response: { 200: appointmentOutput },
        },
      },
      // Recording the status closes an open request for another time, so none is shown with it.
      async (request) =>
        presentAppointment(await updateAppointmentStatus(db.kysely, contextOf(request), request.params.id, request.body.status)),
    );

    app.post(
      "/appointments/:id/reschedule-requests",
      {
        config: { policy: appointmentPolicy.requestReschedule },
        schema: {
          tags: ["appointments"],
          summary: 'Ask for another time ("ik kan niet")',
          description:
            "The client cannot come to their planned appointment and asks for another time, with an optional reason. It reaches the consultant's work queue (rescheduleRequested) and stays open until the appointment is cancelled or its status recorded. One open request per appointment: 409 rescheduleRequested for a second; 409 appointmentNotPlanned or appointmentStarted when it is too late.",
          params: idParam,
          body: rescheduleRequestInput,
          response: { 201: rescheduleRequestOutput },
        },
      },
      async (request, reply) => {
        const row = await requestReschedule(db.kysely, contextOf(request), request.params.id, request.body.reason);
        return reply.code(201).send(presentRescheduleRequest(row));
      },
    );
  };
}
