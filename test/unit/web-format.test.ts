/** Money and numbers in the reader's language and the workshop's currency (web/lib/format.ts). */
import { describe, expect, it } from "vitest";
import { amountFormat, countsMoney } from "../../web/lib/format";

describe("amounts", () => {
  it("writes money in the workshop's currency, the way the reader's language writes it", () => {
    expect(amountFormat("en", { money: true, currency: "GBP" })(1000)).toBe("£1,000");
    expect(amountFormat("en", { money: true, currency: "EUR" })(1000)).toBe("€1,000");
    expect(amountFormat("pl", { money: true, currency: "PLN" })(1000).replace(/\s/g, " ")).toBe("1000 zł");
    expect(amountFormat("en", { money: true })(250)).toBe("£250");
  });

  it("writes plain numbers in the reader's digits", () => {
    expect(amountFormat("en", { money: false })(12345)).toBe("12,345");
    expect(amountFormat("bn", { money: false })(12345)).toBe("১২,৩৪৫");
  });

  it("counts money for budgets in money, and for configs written with GBP before the workshop setting", () => {
    expect(countsMoney({ currency: "money" })).toBe(true);
    expect(countsMoney({ currency: "GBP" })).toBe(true);
    expect(countsMoney({ currency: "points" })).toBe(false);
    expect(countsMoney(null)).toBe(false);
  });
});
