import http from "node:http";
import type { AddressInfo } from "node:net";
import { effectPopulation } from "@server/testing/effects-history.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EffectInput, estimateEffects } from "./effects.estimate.js";
import { estimateEffectsInWorker } from "./effects.service.js";

// A tiny server in this thread: whether it answers while the estimate runs shows whether the estimate blocks it.
let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((_request, response) => response.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const input = (): EffectInput => ({
  clients: effectPopulation(11, { clients: 1500, effect: { ladderRung: 0.5, who5: 2 } }),
  from: null,
  to: null,
  seed: 4,
  resamples: 200,
});

/** The order in which a request and the estimate finish, both started at once. */
async function finishingOrder(compute: () => Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const computed = compute().then(() => order.push("estimated"));
  const answered = fetch(url).then(async (response) => order.push(`request answered ${await response.text()}`));
  await Promise.all([computed, answered]);
  return order;
}

describe("the effect estimates on a worker thread", () => {
  it("gives the same figures as computing them in this thread", async () => {
    const data = input();
    expect(await estimateEffectsInWorker(data)).toEqual(estimateEffects(data));
  });

  it("keeps this thread answering requests while the estimate runs", async () => {
    const data = input();
    // The probe itself: computed in this thread, the estimate holds the request up until it is done.
    expect(await finishingOrder(() => Promise.resolve().then(() => estimateEffects(data)))).toEqual(["estimated", "request answered ok"]);
    expect(await finishingOrder(() => estimateEffectsInWorker(data))).toEqual(["request answered ok", "estimated"]);
  });
});
