import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { notFound } from "@server/http/errors.js";
import { idParam } from "@shared/schemas/common.js";
import { userCreateInput, userListQuery, userOutput, userPage, userUpdateInput } from "@shared/schemas/users.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { userPolicy } from "./users.policy.js";
import { presentUser } from "./users.presenter.js";
import { findUserById, listUsers } from "./users.repo.js";
import { createUser, updateUser } from "./users.service.js";

/** Account administration. */
export function userRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/users",
      {
        config: { policy: userPolicy.list },
        schema: { tags: ["users"], summary: "List accounts", querystring: userListQuery, response: { 200: userPage } },
      },
      async (request) => {
        const { rows, total } = await listUsers(db.kysely, request.query);
        return { items: rows.map(presentUser), page: request.query.page, pageSize: request.query.pageSize, total };
      },
    );

    app.post(
      "/users",
      {
        config: { policy: userPolicy.create },
        schema: { tags: ["users"], summary: "Create an account", body: userCreateInput, response: { 201: userOutput } },
      },
      async (request, reply) => reply.status(201).send(presentUser(await createUser(db.kysely, contextOf(request), request.body))),
    );

    app.get(
      "/users/:id",
      {
        config: { policy: userPolicy.read },
        schema: { tags: ["users"], summary: "Read an account", params: idParam, response: { 200: userOutput } },
      },
      async (request) => {
        const user = await findUserById(db.kysely, request.params.id);
        if (!user) throw notFound("user");
        return presentUser(user);
      },
    );

    app.patch(
      "/users/:id",
      {
        config: { policy: userPolicy.update },
        schema: {
          tags: ["users"],
          summary: "Change an account",
          description: "Role, binding, status or a new password. Deactivating, a new role or a new password ends the account's sessions.",
          params: idParam,
          body: userUpdateInput,
          response: { 200: userOutput },
        },
      },
      async (request) => presentUser(await updateUser(db.kysely, contextOf(request), request.params.id, request.body)),
    );
  };
}
