import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import {
  contactDetailsInput,
  contactDetailsOutput,
  notificationListQuery,
  notificationOutput,
  notificationPage,
} from "@shared/schemas/notifications.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { changeContact, readContact } from "./contact.service.js";
import { notificationPolicy } from "./notifications.policy.js";
import { presentContact, presentNotification } from "./notifications.presenter.js";
import { listOutbox, retryNotification } from "./outbox.service.js";

/** The outbox of messages to clients (administrators), and a client's contact details and choices. */
export function notificationRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/notifications",
      {
        config: { policy: notificationPolicy.list },
        schema: {
          tags: ["notifications"],
          summary: "Messages to clients in the outbox",
          description:
            "Newest first; `status=failed` lists the messages given up after their last attempt, each with `abilities.retry`. Addresses are partly hidden and the text of a message is never shown.",
          querystring: notificationListQuery,
          response: { 200: notificationPage },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const { rows, total } = await listOutbox(db.kysely, ctx, request.query);
        const { page, pageSize } = request.query;
        return { items: rows.map((row) => presentNotification(ctx.actor, row)), page, pageSize, total };
      },
    );

    app.post(
      "/notifications/:id/retry",
      {
        config: { policy: notificationPolicy.retry },
        schema: {
          tags: ["notifications"],
          summary: "Send a failed message again",
          description:
            "Puts a failed message back in line for a new series of attempts. 409 `notificationNotFailed` for a message that did not fail.",
          params: idParam,
          response: { 200: notificationOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentNotification(ctx.actor, await retryNotification(db.kysely, ctx, request.params.id));
      },
    );

    app.get(
      "/clients/:id/contact",
      {
        config: { policy: notificationPolicy.readContact },
        schema: {
          tags: ["clients"],
          summary: "A client's phone, e-mail, language and choice of messages",
          description: "A client reads their own (404 for any other id); staff the clients in their scope.",
          params: idParam,
          response: { 200: contactDetailsOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentContact(ctx.actor, await readContact(db.kysely, ctx, request.params.id));
      },
    );

    app.patch(
      "/clients/:id/contact",
      {
        config: { policy: notificationPolicy.changeContact },
        schema: {
          tags: ["clients"],
          summary: "Change a client's phone, e-mail, language or choice of messages",
          description:
            "A client changes their own (404 for any other id). A Dutch phone number is stored as ten digits. 400 naming `notificationChannel` when the chosen channel lacks its address: `emailMissing`, or `mobileMissing` for text messages (a 06 number).",
          params: idParam,
          body: contactDetailsInput,
          response: { 200: contactDetailsOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentContact(ctx.actor, await changeContact(db.kysely, ctx, request.params.id, request.body));
      },
    );
  };
}
