/** The tense test that tells an uncredited caption from the story's lede. */
import { describe, expect, test } from "vitest";
import { describesInPresent } from "../src/ingest/photo-tense.ts";
import { opensInCapitals } from "../src/ingest/lede-caption.ts";

describe("describesInPresent", () => {
  test.each([
    "Fishermen haul their nets onto the bank of the Mekong in Kratie on Sunday.",
    "A monk affected by the floods waits for food at a pagoda in Prey Veng yesterday.",
    "Garment workers march along Veng Sreng Boulevard, demanding a higher minimum wage.",
    "Dancers during a rehearsal at the national theatre.",
  ])("a caption: %s", (text) => {
    expect(describesInPresent(text)).toBe(true);
  });

  test.each([
    "Police arrested three men in Battambang on Tuesday after a week-long investigation.",
    "The ministry has approved four new hydropower dams on the Sesan River.",
    "As the rainy season begins, farmers in Takeo are planting earlier than usual.",
    "The city plans to widen the road to the airport before the end of the year.",
    "The national team play the league champions today at the Olympic Stadium.",
    "The first week of trading closed with every bond priced above its issue value.",
    "Farmers in Takeo expect a good harvest this year, officials told the Post.",
    "First paragraph of the story.",
    "A new report by an international rights group on the working conditions in garment factories across the country and the region found little change.",
  ])("a lede: %s", (text) => {
    expect(describesInPresent(text)).toBe(false);
  });
});

describe("opensInCapitals", () => {
  test.each(["THE COUNTRY’S exports rose", "THERE’S no better place", "OFFICIALS said", "SIEM REAP TOWN -"])(
    "a lede in capitals: %s",
    (text) => {
      expect(opensInCapitals(text)).toBe(true);
    },
  );
  test.each(["UN officials said", "The ministry said", "CNRP President Kem Sokha"])("not one: %s", (text) => {
    expect(opensInCapitals(text)).toBe(false);
  });
});
