import type { FastifyInstance } from "fastify";
import { API_BASE, API_VERSION } from "./openapi.js";

/**
 * Browser features the app never uses, off for every page and for anything it embeds: devices and sensors,
 * payment, and interest-based advertising (`browsing-topics`, and `interest-cohort` of the FLoC trial before it).
 * Only names Chromium knows: it logs an error on the console for any other (`bluetooth`, for one).
 */
const UNUSED_FEATURES = [
  "accelerometer",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "interest-cohort",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];
const PERMISSIONS_POLICY = UNUSED_FEATURES.map((feature) => `${feature}=()`).join(", ");

/**
 * Headers every response gets, errors included: the Permissions-Policy, and on the API the API-Version and
 * `Cache-Control: no-store`. Nearly every API answer carries personal data, so no answer of the API may be kept by
 * a browser or a proxy; the few public ones (health, the OpenAPI document) gain nothing from caching either.
 */
export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply) => {
    reply.header("Permissions-Policy", PERMISSIONS_POLICY);
    if (!request.url.startsWith(API_BASE)) return;
    reply.header("Cache-Control", "no-store");
    reply.header("API-Version", API_VERSION);
  });
}
