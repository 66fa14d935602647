/**
 * The storefront and admin flows with the TypeScript client against a live server. The server, its test
 * database and the shop in it come from tests/clients/test_typescript_client.py, which runs this file with
 * MM_BASE_URL (http://127.0.0.1:<port>), MM_API_KEY, MM_CATEGORY and MM_VARIANT_ID.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { createShopClient, type Schemas } from "../src/index.js";

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through tests/clients/test_typescript_client.py`);
  return value;
}

const baseUrl = setting("MM_BASE_URL");

test("storefront flow: browse, register, log in, cart, WELCOME10, shipping, checkout, order, refresh", async () => {
  const shop = createShopClient({ baseUrl });

  const all = await shop.GET("/api/v1/products/");
  assert.equal(all.response.status, 200);
  assert.equal(all.data?.data.length, 3);
  const candles = await shop.GET("/api/v1/products/", {
    params: { query: { category: setting("MM_CATEGORY"), ordering: "price" } },
  });
  assert.deepEqual(candles.data?.data.map((product: Schemas["Product"]) => product.name),
    ["Cedar Smoke", "Lavender Dusk"]);
  const missing = await shop.GET("/api/v1/products/{id}/", { params: { path: { id: "no-such-candle" } } });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.error?.error.code, "not_found");

  const registered = await shop.POST("/api/v1/auth/register/", {
    body: { email: "sky@example.com", password: "candle-light-42", first_name: "Sky" },
  });
  assert.equal(registered.response.status, 201);
  assert.equal(registered.data?.data.customer.first_name, "Sky");
  const login = await shop.POST("/api/v1/auth/login/", {
    body: { email: "sky@example.com", password: "candle-light-42" },
  });
  assert.ok(login.data, JSON.stringify(login.error));
  const tokens = login.data.data;
  const me = createShopClient({ baseUrl, accessToken: tokens.access_token });

  const created = await me.POST("/api/v1/carts/", { body: {} });
  assert.ok(created.data, JSON.stringify(created.error));
  const cartId = created.data.data.id;
  assert.equal(created.data.data.customer, registered.data?.data.customer.id);
  const added = await me.POST("/api/v1/carts/{cart_id}/items/", {
    params: { path: { cart_id: cartId } },
    body: { variant_id: Number(setting("MM_VARIANT_ID")), quantity: 2 },
  });
  assert.equal(added.data?.data.subtotal, "64.00");
  const discounted = await me.POST("/api/v1/carts/{cart_id}/discounts/", {
    params: { path: { cart_id: cartId } },
    body: { code: "welcome10" },
  });
  assert.deepEqual(discounted.data?.data.discount_codes.map((code) => code.code), ["WELCOME10"]);
  assert.equal(discounted.data?.data.discount_total, "6.40");
  const estimates = await me.POST("/api/v1/carts/{cart_id}/shipping-estimates/", {
    params: { path: { cart_id: cartId } },
    body: { address: { country: "US", postal_code: "10001" } },
  });
  const methods = estimates.data?.data.estimates.map((estimate) => estimate.method) ?? [];
  assert.ok(methods.includes("standard") && methods.includes("express"), methods.join());

  const placed = await me.POST("/api/v1/carts/{cart_id}/checkout/", {
    params: { path: { cart_id: cartId } },
    body: {
      shipping_address: { first_name: "Sky", last_name: "Lee", line1: "1 Main St", city: "New York", region: "NY",
        postal_code: "10001", country: "US" },
      payment: { token: "tok_success" },
    },
  });
  assert.equal(placed.response.status, 201, JSON.stringify(placed.error));
  assert.equal(placed.data?.data.payment_status, "paid");
  assert.equal(placed.data?.data.total, discounted.data?.data.total);
  const order = await me.GET("/api/v1/orders/{id}/", { params: { path: { id: placed.data?.data.id ?? "" } } });
  assert.equal(order.data?.data.number, placed.data?.data.number);
  assert.deepEqual(order.data?.data.lines.map((line) => [line.sku, line.quantity]), [["LAV-8OZ", 2]]);

  const refreshed = await shop.POST("/api/v1/auth/refresh/", { body: { refresh_token: tokens.refresh_token } });
  assert.ok(refreshed.data, JSON.stringify(refreshed.error));
  const again = createShopClient({ baseUrl, accessToken: refreshed.data.data.access_token });
  const profile = await again.GET("/api/v1/customers/profile/");
  assert.equal(profile.data?.data.email, "sky@example.com");
});

test("admin flow with an API key: create a product, adjust its stock", async () => {
  const admin = createShopClient({ baseUrl, apiKey: setting("MM_API_KEY") });

  const product = await admin.POST("/api/v1/products/", {
    body: {
      name: "Amber Night", product_type: "candle", status: "active",
      variants: [{ sku: "AMB-8OZ", name: "8 oz", price: "34.00", quantity: 3 }],
    },
  });
  assert.equal(product.response.status, 201, JSON.stringify(product.error));
  const variant = product.data?.data.variants[0];
  assert.ok(variant);
  const movement = await admin.POST("/api/v1/inventory/adjustments/", {
    body: { variant_id: variant.id, delta: 7, reason: "receive", note: "typescript e2e" },
  });
  assert.equal(movement.data?.data.quantity_after, 10, JSON.stringify(movement.error));

  const anonymous = createShopClient({ baseUrl });
  const refused = await anonymous.POST("/api/v1/products/", { body: { name: "Nope", product_type: "candle" } });
  assert.equal(refused.response.status, 401);
  assert.equal(refused.error?.error.code, "not_authenticated");
});
