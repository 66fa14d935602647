/**
 * A tiny typed client for the MOOD MNKY Commerce API: openapi-fetch over the types openapi-typescript
 * generates from the repository's schema.yml (`make schema`). Every path, parameter, body and response
 * is checked by the compiler; credentials are added by one middleware.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };

/** Every schema component by name: `Schemas["Product"]`, `Schemas["CartItemCreate"]`, … */
export type Schemas = components["schemas"];
export type ErrorEnvelope = Schemas["ErrorEnvelope"];
export type ShopClient = Client<paths>;

export interface ShopClientOptions {
  /** The server, without the `/api/v1` prefix (the paths carry it): `http://127.0.0.1:8000`. */
  baseUrl: string;
  /** A customer's access token, sent as `Authorization: Bearer <token>`. */
  accessToken?: string;
  /** An admin API key, sent as `X-API-Key`. */
  apiKey?: string;
  /** Another fetch (tests, edge runtimes); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/** A client for anonymous calls, for a signed-in customer (`accessToken`), or for an admin (`apiKey`). */
export function createShopClient(options: ShopClientOptions): ShopClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  const credentials: Middleware = {
    onRequest({ request }) {
      if (options.accessToken) request.headers.set("Authorization", `Bearer ${options.accessToken}`);
      if (options.apiKey) request.headers.set("X-API-Key", options.apiKey);
      return request;
    },
  };
  client.use(credentials);
  return client;
}
