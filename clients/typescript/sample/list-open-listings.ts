// Lists open listings through the gateway with the generated Listings client: what a React Native or web app does.
// Usage: GATEWAY_URL=http://localhost:5080 npm run sample   (after npm ci && npm run build)
// It signs in with a Development token from the gateway (POST /dev/token). A real app signs in with OpenID Connect,
// authorization code and PKCE (docs/api.md, "For client developers"), and hands its access token to the same provider.
import { AllowedHostsValidator, BaseBearerTokenAuthenticationProvider, type AccessTokenProvider } from "@microsoft/kiota-abstractions";
import { FetchRequestAdapter } from "@microsoft/kiota-http-fetchlibrary";
import { createListingsClient } from "../src/listings/listingsClient.js";

const gateway = (process.env.GATEWAY_URL ?? "http://localhost:5080").replace(/\/$/, "");

async function developmentToken(): Promise<string> {
  const response = await fetch(`${gateway}/dev/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sub: "s-typescript-sample", role: "student", name: "TypeScript Sample" }),
  });
  if (!response.ok) {
    throw new Error(`POST /dev/token answered ${response.status}: is the gateway at ${gateway} running in Development?`);
  }
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const token = await developmentToken();
const tokens: AccessTokenProvider = {
  getAuthorizationToken: async () => token,
  getAllowedHostsValidator: () => new AllowedHostsValidator(new Set([new URL(gateway).host])),
};
const adapter = new FetchRequestAdapter(new BaseBearerTokenAuthenticationProvider(tokens));
adapter.baseUrl = gateway;
const listings = createListingsClient(adapter);

const page = await listings.api.listings.get({ queryParameters: { status: "open", limit: 10 } });
for (const listing of page?.items ?? []) {
  const pay = listing.compensation ? `${(listing.compensation.amountCents ?? 0) / 100} ${listing.compensation.currency}` : "unpaid?";
  console.log(`${listing.title} (${listing.estimatedHours} h, ${pay})`);
}
console.log(`open listings: ${page?.items?.length ?? 0}`);
