"""Fixed word lists for the demo data: real Swedish places, invented groups, everyday phrases.

Areas and postal codes are real so addresses look right; group names, people and events are
invented. Nothing here names a real gang or a real person.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    name: str
    town: str  # the postal town written in addresses
    postal: str  # five digits; the last digit varies per address


@dataclass(frozen=True)
class Metro:
    name: str
    phone_prefix: str  # landline area code for providers
    weight: int  # share of the people
    offices: tuple[str, ...]  # frivård offices
    areas: tuple[Area, ...]


METROS: tuple[Metro, ...] = (
    Metro("Malmö", "040", 3, ("Frivården Malmö",), (
        Area("Rosengård", "Malmö", "21368"), Area("Seved", "Malmö", "21428"),
        Area("Lindängen", "Malmö", "21574"), Area("Holma", "Malmö", "21566"),
        Area("Kroksbäck", "Malmö", "21563"), Area("Hermodsdal", "Malmö", "21578"),
        Area("Nydala", "Malmö", "21575"), Area("Augustenborg", "Malmö", "21437"),
        Area("Sofielund", "Malmö", "21438"), Area("Möllevången", "Malmö", "21423"),
    )),
    Metro("Göteborg", "031", 3, ("Frivården Göteborg", "Frivården Angered"), (
        Area("Hammarkullen", "Angered", "42437"), Area("Hjällbo", "Angered", "42436"),
        Area("Gårdsten", "Angered", "42432"), Area("Lövgärdet", "Angered", "42438"),
        Area("Bergsjön", "Göteborg", "41523"), Area("Biskopsgården", "Göteborg", "41833"),
        Area("Tynnered", "Västra Frölunda", "42155"), Area("Frölunda", "Västra Frölunda", "42142"),
        Area("Backa", "Hisings Backa", "42244"),
    )),
    Metro("Örebro", "019", 1, ("Frivården Örebro",), (
        Area("Vivalla", "Örebro", "70347"), Area("Baronbackarna", "Örebro", "70374"),
        Area("Oxhagen", "Örebro", "70377"), Area("Varberga", "Örebro", "70375"),
        Area("Brickebacken", "Örebro", "70283"), Area("Mellringe", "Örebro", "70371"),
    )),
    Metro("Uppsala", "018", 1, ("Frivården Uppsala",), (
        Area("Gottsunda", "Uppsala", "75648"), Area("Valsätra", "Uppsala", "75651"),
        Area("Stenhagen", "Uppsala", "75258"), Area("Sävja", "Uppsala", "75754"),
        Area("Kvarngärdet", "Uppsala", "75323"), Area("Eriksberg", "Uppsala", "75244"),
    )),
    Metro("Stockholm", "08", 4, ("Frivården Järva", "Frivården Huddinge", "Frivården Södertälje"), (
        Area("Rinkeby", "Spånga", "16372"), Area("Tensta", "Spånga", "16364"),
        Area("Hjulsta", "Spånga", "16369"), Area("Husby", "Kista", "16436"),
        Area("Akalla", "Kista", "16434"), Area("Fittja", "Norsborg", "14551"),
        Area("Alby", "Norsborg", "14559"), Area("Hallunda", "Norsborg", "14568"),
        Area("Skärholmen", "Skärholmen", "12748"), Area("Rågsved", "Bandhagen", "12464"),
        Area("Hovsjö", "Södertälje", "15157"), Area("Ronna", "Södertälje", "15161"),
    )),
)

GROUP_ADJECTIVES = (
    "Svarta", "Röda", "Gröna", "Blå", "Vita", "Norra", "Södra", "Östra", "Västra", "Unga",
    "Gamla", "Nya", "Lilla", "Stora", "Tysta",
)
GROUP_NOUNS = (
    "Falken", "Vargarna", "Lejonen", "Kobran", "Skorpionerna", "Korpen", "Tornet", "Bron",
    "Torget", "Ligan", "Falangen", "Kretsen", "Klanen", "Gänget", "Örnarna", "Hajarna",
    "Tigrarna", "Björnarna", "Ormarna", "Gatan",
)
AREA_GROUP_SUFFIXES = ("-nätverket", "-gänget", " Unga", " Centrum", "-killarna", " Syd", " Nord")
GROUP_ALIAS_FORMS = ("Gänget från {area}", "{area}-killarna", "{initials}", "Kvarteret")

NICKNAMES = (
    "Abbe", "Mo", "Lillen", "Bullen", "Kalle", "Jocke", "Micke", "Pelle", "Ankan", "Boxarn",
    "Chefen", "Dogge", "Eddie", "Fritte", "Gurra", "Isse", "Jimpa", "Kenta", "Mackan", "Nisse",
    "Pablo", "Rabbe", "Sami", "Tony", "Uffe", "Öken", "Björnen", "Älgen", "Lången", "Skåningen",
    "Kusinen", "Lilla O", "Svensken", "Doktorn", "Professorn", "Tändaren", "Zorro", "Kungen",
    "Ängeln", "Räven", "Spöket", "Blixten", "Tjuren", "Haren", "Kobran", "Dalle", "Ibbe",
    "Ragge", "Jompa", "Kim K", "Bosse", "Hassan B", "Ali G", "Memo", "Yusse", "Hamdi", "Båten",
)

MEMBER_ROLES = (("ledare", 3), ("central", 15), ("medlem", 57), ("kringperson", 25))
MEMBER_SOURCES = (
    "Polisens underrättelseenhet", "Frivården", "Socialtjänsten", "Incidentgenomgång",
    "Arbetsgruppens kartläggning", "Skolan", "Öppna källor",
)
PERSON_NOTES = (
    "Kontakt helst via frivården.", "Har yngre syskon i området.",
    "Har uttryckt vilja att lämna gruppen.", "Flyttade hit under året.",
    "Föräldrar engagerade; ring mamman först.", "Behöver tolk vid samtal (arabiska).",
    "Behöver tolk vid samtal (somaliska).", "Har arbetat via Krami tidigare.",
)

INCIDENT_TEXT = {
    "shooting": "Skottlossning vid {place}. {injured} skadade, {killed} döda.",
    "explosion": "Detonation i trapphus vid {place}. Skador på fastigheten.",
    "homicide": "Person avliden efter våld vid {place}.",
    "aggravated_assault": "Grov misshandel vid {place}; offret fördes till sjukhus.",
    "arson": "Anlagd brand i bil/lägenhet vid {place}.",
    "threat": "Hot framfört mot person vid {place}, kopplat till pågående konflikt.",
    "other": "Oroligheter vid {place}.",
}

VENUES = ("Stadshuset", "Rådhuset", "Folkets hus {area}", "Kulturhuset", "Tingsrättens aula")
SECURITY_PLANS = (
    "Uniformerad polis vid entrén, civil personal i salen. Deltagare från grupper i konflikt "
    "anländer och lämnar vid olika tider.",
    "Separata ingångar för de inbjudna. Väktare vid parkeringen. Utrymningsplan genomgången.",
    "Polisens insatsledare på plats. Inga väskor i salen. Transport hem ordnad för de som vill.",
)
LOGISTICS = ("måltid", "transport", "utskrivning av brev", "kort till stödlinjen", "tolk",
             "utcheckningslista")
INVITE_REASONS = (
    "Villkorligt frigiven, central i gruppen.", "Skyddstillsyn, har inflytande i gruppen.",
    "Ung och på väg in; kan bära budskapet vidare.", "Tidigare drabbad i konflikten.",
)
INVITED_HOW = ("Kallelse via frivården", "Personligt överlämnad kallelse", "Brev hem")

TEAM_ROLES = ("polis", "socialsekreterare", "frivårdsinspektör", "fältassistent")
REACTIONS = (
    "Lyssnade, tog emot kortet.", "Avvisande men lugn.", "Föräldrarna tacksamma för besöket.",
    "Bad om kontakt med stödlinjen.", "Ville inte prata; lämnade rummet.",
    "Frågade om hjälp med bostad.",
)
NEXT_STEPS = (
    "Uppföljande samtal om två veckor.", "Kontakt med socialtjänsten för stödsamtal.",
    "Inget vidare planerat.", "Bjuds in till nästa forum.", "Remiss till arbetsmarknadsenheten.",
)
LEGAL_ASSESSMENTS = (
    "Vid nytt brott riskerar du att villkorlig frigivning förverkas.",
    "Innehav av vapen leder till fängelse; straffet skärptes 2022.",
    "Din prövotid löper till årets slut; nya brott prövas strängare.",
)
HELP_OFFERED = (
    "Kontakt med stödlinjen, öppet dygnet runt.", "Stöd att söka arbete.",
    "Hjälp med flytt till annan ort.", "Stödsamtal hos socialtjänsten.",
)

PROVIDERS = (
    ("Samtalsmottagningen {metro}", ("support_talks",)),
    ("Boendeenheten {metro}", ("housing", "id_and_housing")),
    ("Arbetsmarknadsenheten {metro}", ("work",)),
    ("Beroendemottagningen {metro}", ("addiction",)),
    ("Budget- och skuldrådgivningen {metro}", ("debt",)),
    ("Avhopparverksamheten {metro}", ("exit_programme", "support_talks", "housing")),
)
PROVIDER_OFFERS = "Tar emot remisser från arbetsgruppen; svar inom en vecka."
REFERRAL_FEEDBACK = {
    "completed": "Insatsen genomförd enligt plan.",
    "declined": "Personen tackade nej vid första mötet.",
    "dropped": "Avbröt efter några träffar.",
    "withdrawn": "Remissen återkallad av arbetsgruppen.",
}
CONSENT_WITHHELD = ("Uppgifter om misstankar om brott", "Uppgifter om familjen")
CONSENT_BASIS = "Samtycke (OSL 12 kap. 2 §)"

HELPLINE_ASKED = (
    "Vill veta hur man kan flytta härifrån.", "Frågar om hjälp med skulder.",
    "Orolig förälder som ringer om sin son.", "Vill lämna gruppen men är rädd.",
    "Frågar om jobb.", "Vill prata med någon.",
)
HELPLINE_OFFERED = (
    "Samtal med avhopparverksamheten.", "Tid hos budget- och skuldrådgivningen.",
    "Kontakt med socialtjänsten.", "Nytt samtal om en vecka.",
)
HELPLINE_FOLLOW_UP = ("Ringer tillbaka på fredag.", "Ingen uppföljning önskad.",
                      "Överlämnad till socialtjänsten.")

AGENCIES = ("Polisen", "Kriminalvården", "Kronofogden", "Skatteverket", "Tullverket",
            "Försäkringskassan", "Socialtjänsten")
ENFORCEMENT_END = ("Våldet upphörde.", "Konflikten lugnade sig efter sex veckor.",
                   "Effekt sedd; återgång till ordinarie arbete.")
ENFORCEMENT_TOLD = ("Vid nästa forum.", "Genom riktade samtal med gruppens medlemmar.",
                    "Brev till gruppens medlemmar.")

# Faker's weights follow the whole population; these names are common among young people in
# the areas above and get extra weight (added to Faker's lists when missing).
EXTRA_FIRST_NAMES_MALE = (
    "Mohammed", "Ali", "Ahmed", "Hassan", "Omar", "Abdi", "Yusuf", "Ibrahim", "Mustafa", "Amir",
    "Adam", "Elias", "Hamza", "Isak", "Liam", "Noah", "Mahmoud", "Karim", "Jusuf", "Dženan",
)
EXTRA_FIRST_NAMES_FEMALE = ("Fatima", "Amina", "Sara", "Hanna", "Leyla", "Aisha")
EXTRA_LAST_NAMES = (
    "Mohamed", "Ali", "Hassan", "Ahmed", "Abdullahi", "Yilmaz", "Osman", "Hussein", "Jama",
    "Warsame", "Khalil", "Nguyen", "Kaya", "Demir", "Rahimi", "Haddad", "Öztürk", "Çelik",
)
