import { base, en, Faker, nl } from "@faker-js/faker";
import type { FunctionalLimit } from "@shared/capacity.js";
import { addDays, yearsBefore } from "@shared/dates.js";
import { DISTRICTS, postcodeAreasOf } from "@shared/districts.js";
import type { EducationLevel, HouseholdSituation } from "@shared/enums.js";
import { completeBsn } from "@shared/validation/bsn.js";

// Relative size of the long-term assistance population per district: the south and west of the city
// carry most of it. Approximate, for a plausible demo, not for policy.
const DISTRICT_WEIGHT: Record<string, number> = {
  Feijenoord: 16,
  Charlois: 14,
  Delfshaven: 14,
  IJsselmonde: 10,
  Noord: 8,
  "Kralingen-Crooswijk": 8,
  "Prins Alexander": 8,
  Centrum: 5,
  Overschie: 4,
  "Hillegersberg-Schiebroek": 4,
  Hoogvliet: 5,
  Pernis: 1,
  Rozenburg: 1,
  "Hoek van Holland": 1,
};

const HOUSEHOLDS: [HouseholdSituation, number][] = [
  ["single", 46],
  ["singleParent", 20],
  ["couple", 9],
  ["coupleWithChildren", 12],
  ["livingWithParents", 5],
  ["sharedHousing", 3],
  ["other", 5],
];
const EDUCATION: [EducationLevel, number][] = [
  ["none", 14],
  ["primary", 19],
  ["secondaryVocational", 25],
  ["secondaryGeneral", 7],
  ["vocational", 20],
  ["higherProfessional", 5],
  ["university", 2],
  ["unknown", 8],
];

// Rotterdam is a city of many origins; names and languages reflect that. First names and family names
// are drawn per origin so that a person's name is coherent.
const ORIGINS = [
  { weight: 38, language: null, given: null, family: null },
  {
    weight: 12,
    language: "tr",
    given: ["Ayşe", "Fatma", "Emine", "Mehmet", "Mustafa", "Ahmet", "Hatice", "Hüseyin", "Zeynep", "Murat"],
    family: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç"],
  },
  {
    weight: 14,
    language: "ar",
    given: ["Fatima", "Mohamed", "Khadija", "Ahmed", "Said", "Naima", "Youssef", "Rachida", "Hassan", "Malika"],
    family: ["El Amrani", "Bouzid", "El Idrissi", "Benali", "Ouali", "Azzouzi", "El Khattabi", "Haddouchi", "Tahiri", "Ziani"],
  },
  {
    weight: 12,
    language: "srn",
    given: ["Marvin", "Sharon", "Rudi", "Gloria", "Ramon", "Chantal", "Errol", "Ingrid", "Rajesh", "Shanti"],
    family: ["Kromodimedjo", "Pinas", "Sabajo", "Ramdin", "Doelwijt", "Kanhai", "Wongsodikromo", "Lie A Fong", "Biharie", "Tjon"],
  },
  {
    weight: 6,
    language: "pap",
    given: ["Jurgen", "Shirley", "Edsel", "Rosalia", "Giovanni", "Maritza"],
    family: ["Martina", "Isenia", "Doran", "Zimmerman", "Rosalia", "Statia"],
  },
  {
    weight: 6,
    language: "kea",
    given: ["Maria", "José", "Djoy", "Nilda", "Adilson", "Zulmira"],
    family: ["Lopes", "Fortes", "Tavares", "Semedo", "Monteiro", "Gomes"],
  },
  {
    weight: 5,
    language: "pl",
    given: ["Katarzyna", "Piotr", "Agnieszka", "Tomasz", "Magdalena", "Marek"],
    family: ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski"],
  },
  {
    weight: 4,
    language: "so",
    given: ["Hodan", "Abdi", "Sahra", "Farah", "Ayaan", "Omar"],
    family: ["Warsame", "Hassan", "Abdullahi", "Mohamud", "Farah", "Osman"],
  },
  {
    weight: 3,
    language: "ti",
    given: ["Senait", "Tesfay", "Mebrat", "Yonas", "Helen", "Dawit"],
    family: ["Tesfamariam", "Gebremedhin", "Haile", "Kidane", "Berhane", "Tekle"],
  },
] as const;

/** A random source with the helpers the generator needs; every value follows from the seed. */
export class SeededRandom {
  readonly faker: Faker;

  constructor(seed: number) {
    this.faker = new Faker({ locale: [nl, en, base] });
    this.faker.seed(seed);
  }

  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("cannot pick from an empty list");
    return item;
  }

  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.faker.number.float({ min: 0, max: total });
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll <= 0) return value;
    }
    // Rounding can leave a sliver of the roll: it falls to the last option.
    const last = options.at(-1);
    if (!last) throw new Error("cannot choose among no options");
    return last[0];
  }

  chance(probability: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < probability;
  }

  uuid(): string {
    return this.faker.string.uuid();
  }

  /** A date `YYYY-MM-DD` uniformly between two dates. */
  dateBetween(from: string, to: string): string {
    return this.faker.date
      .between({ from: `${from}T12:00:00Z`, to: `${to}T12:00:00Z` })
      .toISOString()
      .slice(0, 10);
  }
}

/** The districts with their demo weights, in table order. */
export const districtWeights = (): [string, number][] => DISTRICTS.map((d) => [d, DISTRICT_WEIGHT[d] ?? 1]);

/** A postcode inside the district, e.g. `3083 KL`. */
export function postcodeIn(random: SeededRandom, district: string): string {
  const area = random.pick(postcodeAreasOf(district));
  const letters = random.faker.string.alpha({ length: 2, casing: "upper", exclude: ["S"] });
  return `${area} ${letters}`;
}

/**
 * Synthetic BSNs: prefix 99, then a counter, completed with the eleven-test check digit.
 * Unique by construction and easy to recognise as demo data.
 */
export function* syntheticBsns(start = 0): Generator<string> {
  for (let n = start; n < 1_000_000; n++) {
    const bsn = completeBsn(`99${String(n).padStart(6, "0")}`);
    if (bsn) yield bsn;
  }
}

export interface DemoClient {
  id: string;
  bsn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  postcode: string;
  houseNumber: number;
  houseNumberAddition: string | null;
  street: string;
  city: string;
  district: string;
  benefitStartDate: string;
  capacityHoursPerWeek: number | null;
  phone: string | null;
  email: string | null;
  languages: string[];
  householdSituation: HouseholdSituation;
  educationLevel: EducationLevel;
  guidanceNeed: "light" | "regular" | "intensive";
}

/**
 * The demo's limits beyond hours a week, read from the last digit of the BSN so that they add no draw to the seeded
 * sequence: about one client in ten can work 6 hours a day without heavy lifting, one in ten cannot stand long, one in
 * ten needs regular breaks on at most 3 days a week.
 */
export function demoLimitsOf(client: Pick<DemoClient, "bsn">): {
  hoursPerDay: number | null;
  daysPerWeek: number | null;
  functionalLimits: FunctionalLimit[];
} {
  switch (client.bsn.at(-1)) {
    case "7":
      return { hoursPerDay: 6, daysPerWeek: null, functionalLimits: ["heavyLifting"] };
    case "3":
      return { hoursPerDay: null, daysPerWeek: null, functionalLimits: ["standingLong"] };
    case "5":
      return { hoursPerDay: null, daysPerWeek: 3, functionalLimits: ["breaks"] };
    default:
      return { hoursPerDay: null, daysPerWeek: null, functionalLimits: [] };
  }
}

/** The place name on a letter: the former municipalities keep their own. */
export function cityOf(district: string): string {
  return district === "Hoek van Holland" || district === "Rozenburg" ? district : "Rotterdam";
}

/** One plausible long-term client in a district: 27–66 years old, on benefit for 5–25 years. */
export function generateClient(random: SeededRandom, district: string, bsn: string, today: string): DemoClient {
  const origin = random.weighted(ORIGINS.map((o) => [o, o.weight] as const));
  const sex = random.pick(["female", "male"] as const);
  const givenName = origin.given ? random.pick(origin.given) : random.faker.person.firstName(sex);
  const familyName = origin.family ? random.pick(origin.family) : random.faker.person.lastName();
  const age = random.int(27, 66);
  const drawn = random.dateBetween(yearsBefore(today, age + 1), yearsBefore(today, age));
  // The draw includes the day `age + 1` years ago: at 66 that is the 67th birthday, the state pension age of those born
  // in 1957–1960, when nobody is a client any more. That day moves to the next.
  const birthDate = drawn <= yearsBefore(today, age + 1) ? addDays(drawn, 1) : drawn;
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as text; Math.max would make them NaN
  const earliestStart = yearsBefore(birthDate, -18) > yearsBefore(today, 25) ? yearsBefore(birthDate, -18) : yearsBefore(today, 25);
  const benefitStartDate = random.dateBetween(earliestStart, yearsBefore(today, 5));
  const languages = origin.language ? (random.chance(0.55) ? ["nl", origin.language] : [origin.language]) : ["nl"];
  if (random.chance(0.15)) languages.push("en");
  return {
    id: random.uuid(),
    bsn,
    givenName,
    familyName,
    birthDate,
    postcode: postcodeIn(random, district),
    houseNumber: random.int(1, 240),
    houseNumberAddition: random.chance(0.2) ? random.pick(["A", "B", "C", "1", "2", "3", "bis"]) : null,
    street: random.faker.location.street(),
    city: cityOf(district),
    district,
    benefitStartDate,
    capacityHoursPerWeek: random.chance(0.35) ? random.pick([0, 4, 6, 8, 12, 16, 20]) : null,
    phone: random.chance(0.85) ? `06${String(random.int(10_000_000, 99_999_999))}` : null,
    email: random.chance(0.45)
      ? random.faker.internet.email({ firstName: givenName, lastName: familyName, provider: "voorbeeld.nl" }).toLowerCase()
      : null,
    languages: [...new Set(languages)],
    householdSituation: random.weighted(HOUSEHOLDS),
    educationLevel: random.weighted(EDUCATION),
    guidanceNeed: random.weighted([
      ["light", 30],
      ["regular", 50],
      ["intensive", 20],
    ] as const),
  };
}

const SECTORS = [
  ["Buurthuis", 20],
  ["Zorgcentrum", 15],
  ["Sportvereniging", 12],
  ["Basisschool", 10],
  ["Voedselbank", 5],
  ["Stadsboerderij", 6],
  ["Kringloopwinkel", 8],
  ["Moskee", 4],
  ["Kerk", 4],
  ["Bibliotheek", 4],
  ["Speeltuinvereniging", 6],
  ["Wijktheater", 3],
  ["Dierenopvang", 3],
] as const;

type Sector = (typeof SECTORS)[number][0];

/**
 * Invented names in the way Rotterdam's own organisations are named. `{district}` is the district the
 * organisation is in. None is meant to be a real organisation.
 */
const ORGANISATION_NAMES: Record<Sector, readonly string[]> = {
  Buurthuis: [
    "Buurthuis De Larenkamp",
    "Buurthuis Het Anker",
    "Buurthuis De Brug",
    "Buurthuis Het Trefpunt",
    "Buurthuis De Ontmoeting",
    "Buurthuis De Vlinder",
    "Wijkcentrum De Zonnebloem",
    "Wijkcentrum Het Kompas",
    "Huis van de Wijk {district}",
    "Buurthuis De Linde",
  ],
  Zorgcentrum: [
    "Zorgcentrum De Leeuwenhof",
    "Zorgcentrum Het Lindehuis",
    "Woonzorgcentrum De Rozenhof",
    "Zorgcentrum De Vijverhof",
    "Woonzorgcentrum Het Eikenhout",
    "Zorgcentrum De Meeuwenhoek",
    "Dagbesteding De Werkplaats",
    "Zorgcentrum Het Havenlicht",
  ],
  Sportvereniging: [
    "Voetbalvereniging De Maasvogels",
    "Sportvereniging De Kolk",
    "Zwemvereniging De Dolfijn",
    "Korfbalvereniging Onze Kracht",
    "Atletiekvereniging De Maasrenners",
    "Boksschool De Vuist",
    "Tennisvereniging De Lobbers",
    "Wijksportclub {district}",
  ],
  Basisschool: [
    "Basisschool De Regenboog",
    "Basisschool Het Mozaïek",
    "Basisschool De Sterrenkijker",
    "Basisschool De Klimop",
    "Basisschool Het Palet",
    "Basisschool De Schatkist",
    "Basisschool De Vlieger",
  ],
  Voedselbank: ["Voedselbank Rotterdam, locatie {district}", "Voedselbank Rotterdam, uitdeelpunt {district}", "Uitdeelpunt De Volle Tas"],
  Stadsboerderij: [
    "Stadsboerderij De Kooi",
    "Stadsboerderij Het Klaverblad",
    "Kinderboerderij De Hooiberg",
    "Stadstuin De Pluktuin",
    "Buurttuin De Groene Vingers",
  ],
  Kringloopwinkel: [
    "Kringloopwinkel Tweede Kans",
    "Kringloop De Vondst",
    "Kringloopwinkel Het Goed Gebruik",
    "Repair Café {district}",
    "Kringloopwinkel De Schatkamer",
    "Fietsenwerkplaats De Spaak",
  ],
  Moskee: ["Moskee Al Nour", "Moskee Vereniging Ar-Rahma", "Stichting Moskee Ennour", "Turks-Islamitische Vereniging {district}"],
  Kerk: ["Buurtkerk De Ark", "Stichting Present {district}", "Kerkelijk centrum De Bron", "Diaconie Het Baken"],
  Bibliotheek: ["Bibliotheek {district}", "Taalhuis {district}", "Leespunt De Boekenkast"],
  Speeltuinvereniging: [
    "Speeltuin De Kameleon",
    "Speeltuin Het Zonnetje",
    "Speeltuinvereniging De Pimpernel",
    "Speeltuin De Ravotter",
    "Speeltuin Het Vogelnest",
  ],
  Wijktheater: ["Wijktheater De Steiger", "Theater Het Podium", "Wijktheater De Coulisse"],
  Dierenopvang: ["Dierenopvang De Ark van Zuid", "Vogelopvang De Kuikentjes", "Dierenasiel De Kattenbak"],
};

/** Streets for a second branch of the same organisation in one district. */
const BRANCH_STREETS = ["Kerkstraat", "Molenlaan", "Dorpsweg", "Havenstraat", "Lindelaan", "Schoolstraat", "Parkweg", "Marktplein"];

/** A string's small stable number, so a name can follow from a draw without drawing again. */
function stableIndex(text: string, length: number): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % length;
}

/**
 * A name for an organisation of a sector in a district that no other organisation has yet. The first choice
 * follows from `seed`; when every name of the sector is taken, the location is added as a branch would be named.
 */
function organisationName(sector: Sector, district: string, seed: string, taken: Set<string>): string {
  const names = ORGANISATION_NAMES[sector].map((name) => name.replaceAll("{district}", district));
  const start = stableIndex(seed, names.length);
  const ordered = [...names.slice(start), ...names.slice(0, start)];
  const streets = BRANCH_STREETS.map((_, i) => BRANCH_STREETS[(stableIndex(seed, BRANCH_STREETS.length) + i) % BRANCH_STREETS.length]);
  const candidates = [
    ...ordered,
    ...ordered.filter((name) => !name.includes(district)).map((name) => `${name} ${district}`),
    ...streets.flatMap((street) => ordered.map((name) => `${name}, locatie ${street}`)),
  ];
  const free = candidates.find((name) => !taken.has(name));
  const name = free ?? `${ordered[0]}, locatie ${district} ${taken.size + 1}`;
  taken.add(name);
  return name;
}

export interface DemoOrganisation {
  id: string;
  name: string;
  kvkNumber: string;
  postcode: string;
  houseNumber: number;
  district: string;
  guidanceHoursPerWeek: number;
}

/**
 * A host organisation in a district, with a synthetic KvK number (prefix 9) and a name no organisation in
 * `taken` has. The draws are the same whatever the name, so the rest of the demo does not shift with it.
 */
export function generateOrganisation(
  random: SeededRandom,
  district: string,
  index: number,
  taken: Set<string> = new Set(),
): DemoOrganisation {
  const sector = random.weighted(SECTORS.map(([s, w]) => [s, w] as const));
  const place = random.chance(0.5) ? random.faker.location.street().split(" ")[0] : random.faker.person.lastName();
  return {
    id: random.uuid(),
    name: organisationName(sector, district, `${place}${index}`, taken),
    kvkNumber: `9${String(index).padStart(7, "0")}`,
    postcode: postcodeIn(random, district),
    houseNumber: random.int(1, 400),
    district,
    guidanceHoursPerWeek: random.pick([2, 4, 4, 6, 8, 8, 10, 12, 16, 20, 24, 32]),
  };
}
