/**
 * Plausible, unique company names from word lists: Polish firms for domestic customers, English/German/Dutch
 * style names for foreign ones. Diacritics are kept on purpose (they test the renderers' encoding).
 */
import type { Random } from "./random";

export type NameOrigin = "polish" | "foreign";

const POLISH_SURNAMES = [
  "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
  "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski",
  "Nowakowski", "Pawłowski", "Michalski", "Adamczyk", "Dudek", "Zając", "Wieczorek", "Jabłoński", "Król",
  "Majewski", "Olszewski", "Jaworski", "Wróbel", "Malinowski", "Pawlak", "Witkowski", "Walczak", "Stępień",
  "Górski", "Rutkowski", "Michalak", "Sikora",
] as const;

const BRAND_HEADS = [
  "Pol", "Bud", "Trans", "Mar", "Agro", "Elektro", "Stal", "Drew", "Inter", "Tech", "Medi", "Eko", "Kom", "Hydro",
  "Term", "Met", "Chem", "Farm", "Auto", "Glob",
] as const;
const BRAND_TAILS = ["met", "rex", "pol", "bud", "mex", "tron", "san", "plast", "lux", "gaz", "tex", "med", "trans", "serwis", "mar"] as const;
const POLISH_TRADES = ["Handlowe", "Produkcyjno-Handlowe", "Usługowo-Handlowe", "Budowlane", "Transportowe"] as const;
const WHOLESALE_KINDS = ["Spożywcza", "Budowlana", "Elektryczna", "Papiernicza", "Farmaceutyczna", "Motoryzacyjna"] as const;

const FOREIGN_HEADS = [
  "Northwind", "Blue Harbor", "Silverline", "Redwood", "Brightstone", "Oakridge", "Westfield", "Ironbridge",
  "Greenleaf", "Summit", "Lakeside", "Crescent", "Kingsway", "Meridian", "Falcon", "Atlas", "Orion", "Granite",
  "Riverside", "Nordlicht", "Rheinland", "Van Dijk", "Hansen",
] as const;
const FOREIGN_TRADES = [
  "Trading", "Logistics", "Foods", "Components", "Supplies", "Engineering", "Textiles", "Packaging", "Distribution",
  "Systems", "Retail", "Industries",
] as const;
const FOREIGN_FORMS = ["Ltd", "Ltd", "GmbH", "GmbH", "B.V.", "Inc.", "AB", "s.r.o."] as const;
const ENGLISH_SURNAMES = ["Harper", "Whitfield", "Bennett", "Carter", "Hughes", "Fletcher", "Morgan", "Ellis"] as const;

function brand(random: Random): string {
  return random.pick(BRAND_HEADS) + random.pick(BRAND_TAILS);
}

function polishName(random: Random): string {
  const surname = random.pick(POLISH_SURNAMES);
  switch (random.int(0, 8)) {
    case 0:
      return `${surname} i Synowie Sp. z o.o.`;
    case 1:
      return `${surname} i Wspólnicy Sp.j.`;
    case 2:
      return `${brand(random)} Sp. z o.o.`;
    case 3:
      return `${brand(random)} S.A.`;
    case 4:
      return `P.H.U. ${surname}`;
    case 5:
      return `${brand(random)} ${surname} sp.k.`;
    case 6:
      return `Przedsiębiorstwo ${random.pick(POLISH_TRADES)} ${brand(random)}`;
    case 7:
      return `Hurtownia ${random.pick(WHOLESALE_KINDS)} ${brand(random)}`;
    default:
      return `${random.pick(FOREIGN_HEADS)} Polska Sp. z o.o.`;
  }
}

function foreignName(random: Random): string {
  if (random.chance(0.15)) return `${random.pick(ENGLISH_SURNAMES)} & Partners Ltd`;
  return `${random.pick(FOREIGN_HEADS)} ${random.pick(FOREIGN_TRADES)} ${random.pick(FOREIGN_FORMS)}`;
}

/**
 * One unique name per requested origin, in order.
 * @example uniqueCompanyNames(createRandom(1), ["polish", "foreign"]) //=> e.g. ["Nowak i Synowie Sp. z o.o.", "Atlas Foods GmbH"]
 */
export function uniqueCompanyNames(random: Random, origins: readonly NameOrigin[]): string[] {
  const taken = new Set<string>();
  return origins.map((origin) => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const name = origin === "polish" ? polishName(random) : foreignName(random);
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
    // The word lists give thousands of combinations, so this only happens for very large customer counts.
    let suffix = 2;
    const base = origin === "polish" ? polishName(random) : foreignName(random);
    while (taken.has(`${base} (${suffix})`)) suffix++;
    const name = `${base} (${suffix})`;
    taken.add(name);
    return name;
  });
}
